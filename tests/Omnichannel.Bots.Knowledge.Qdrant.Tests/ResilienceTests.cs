using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Knowledge.Qdrant.Tests;

public sealed class ResilienceTests
{
    private static readonly KnowledgeSearchRequest Question = new("refund", new float[] { 1, 0, 0, 0 }, 3);

    [Fact]
    public async Task SearchAsync_500ThenSuccess_RetriesAndSucceeds()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-1";
        using var services = QdrantTestHost.Services(standIn.Url);
        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);
        standIn.Scripted.Enqueue(new StandInReply(500, QdrantStandIn.Error("Service internal error")));

        var hits = await store.SearchAsync(Question, CancellationToken.None);

        Assert.Empty(hits);
        Assert.Equal(2, standIn.Requests.Count(r => r.Path.EndsWith("/points/query", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SearchAsync_429WithRetryAfter_RetriesAndSucceeds()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-1";
        using var services = QdrantTestHost.Services(standIn.Url);
        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);
        standIn.Scripted.Enqueue(new StandInReply(429, QdrantStandIn.Error("Too many requests"), RetryAfterSeconds: 1));

        var hits = await store.SearchAsync(Question, CancellationToken.None);

        Assert.Empty(hits);
        Assert.Equal(2, standIn.Requests.Count(r => r.Path.EndsWith("/points/query", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SearchAsync_AlwaysFailing500_ThrowsUnavailableAfterRetries()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-1";
        using var services = QdrantTestHost.Services(standIn.Url, o => o.MaxRetries = 2);
        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);
        for (var i = 0; i < 3; i++)
        {
            standIn.Scripted.Enqueue(new StandInReply(503, QdrantStandIn.Error("overloaded")));
        }

        var error = await Assert.ThrowsAsync<KnowledgeUnavailableException>(() => store.SearchAsync(Question, CancellationToken.None));

        Assert.Contains("503", error.Message, StringComparison.Ordinal);
        Assert.Contains("overloaded", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, standIn.Requests.Count(r => r.Path.EndsWith("/points/query", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("<html>proxy error</html>")]
    public async Task OpenAsync_MalformedJson_ThrowsUnavailable(string body)
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.Scripted.Enqueue(new StandInReply(200, body));
        using var services = QdrantTestHost.Services(standIn.Url);

        var error = await Assert.ThrowsAsync<KnowledgeUnavailableException>(() => QdrantTestHost.OpenAsync(services, dimensions: 4));

        Assert.Contains("not JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_JsonOfTheWrongShape_ThrowsUnavailable()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-1";
        using var services = QdrantTestHost.Services(standIn.Url);
        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);
        standIn.Scripted.Enqueue(new StandInReply(200, QdrantStandIn.Ok(new System.Text.Json.Nodes.JsonObject { ["hits"] = 1 })));

        var error = await Assert.ThrowsAsync<KnowledgeUnavailableException>(() => store.SearchAsync(Question, CancellationToken.None));

        Assert.Contains("documented shape", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_SlowerThanTimeout_ThrowsUnavailableNamingTimeout()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-1";
        var attempts = new AttemptCounter();
        using var services = QdrantTestHost.Services(
            standIn.Url,
            o =>
            {
                o.Timeout = TimeSpan.FromSeconds(1);
                o.MaxRetries = 1;
            },
            attempts: attempts);
        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);
        var beforeSearch = attempts.Count;
        for (var i = 0; i < 2; i++)
        {
            standIn.Scripted.Enqueue(new StandInReply(200, QdrantStandIn.Ok(new System.Text.Json.Nodes.JsonObject { ["points"] = new System.Text.Json.Nodes.JsonArray() }), Delay: TimeSpan.FromSeconds(30)));
        }

        var error = await Assert.ThrowsAsync<KnowledgeUnavailableException>(() => store.SearchAsync(Question, CancellationToken.None));

        Assert.Contains("Knowledge:Qdrant:Timeout", error.Message, StringComparison.Ordinal);

        // The search has thrown, so the client's count is final: the first try and one retry, no third.
        Assert.Equal(2, attempts.Count - beforeSearch);

        // Both reached the stand-in (it may record the retry a moment after the client gave up on it); no more can come.
        await Eventually.UntilAsync(
            () => standIn.Requests.Count(r => r.Path.EndsWith("/points/query", StringComparison.Ordinal)) == 2,
            "the stand-in to record both searches",
            () => string.Join(", ", standIn.Requests.Select(r => r.Path)));
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task OpenAsync_WrongApiKey_ThrowsUnavailableNamingApiKeyWithoutRetrying(int status)
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.Scripted.Enqueue(new StandInReply(status, QdrantStandIn.Error("Invalid api-key")));
        using var services = QdrantTestHost.Services(standIn.Url, o => o.ApiKey = "wrong");

        var error = await Assert.ThrowsAsync<KnowledgeUnavailableException>(() => QdrantTestHost.OpenAsync(services, dimensions: 4));

        Assert.Contains("Knowledge:Qdrant:ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid api-key", error.Message, StringComparison.Ordinal);
        Assert.Equal("wrong", Assert.Single(standIn.Requests).ApiKey);
    }

    [Fact]
    public async Task SearchAsync_CollectionDeletedMeanwhile_ThrowsUnavailableNamingCollection()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-1";
        using var services = QdrantTestHost.Services(standIn.Url);
        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);
        standIn.Scripted.Enqueue(new StandInReply(404, QdrantStandIn.Error("Not found: Collection `knowledge` doesn't exist!")));

        var error = await Assert.ThrowsAsync<KnowledgeUnavailableException>(() => store.SearchAsync(Question, CancellationToken.None));

        Assert.Contains("Knowledge:Qdrant:Collection", error.Message, StringComparison.Ordinal);
        Assert.Contains("doesn't exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_NothingListening_ThrowsUnavailableNamingUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var services = QdrantTestHost.Services($"http://127.0.0.1:{port}", o => o.MaxRetries = 1);

        var error = await Assert.ThrowsAsync<KnowledgeUnavailableException>(() => QdrantTestHost.OpenAsync(services, dimensions: 4));

        Assert.Contains("Knowledge:Qdrant:Url", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_UrlMissing_FailsValidationNamingTheSetting()
    {
        using var services = QdrantTestHost.Services(url: null!);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<QdrantOptions>>().Value);

        Assert.Contains("Knowledge:Qdrant:Url is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_RelativeUrl_FailsValidation()
    {
        using var services = QdrantTestHost.Services("localhost:6333/x");

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<QdrantOptions>>().Value);

        Assert.Contains("absolute http(s) URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_StoreEmbeddedWithQdrantRegistered_FailsValidation()
    {
        using var services = QdrantTestHost.Services("http://localhost:6333", store: "embedded");

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<QdrantOptions>>().Value);

        Assert.Contains("Knowledge:Store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddQdrantKnowledgeStore_Opener_OpensTheQdrantStore()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-1";
        using var services = QdrantTestHost.Services(standIn.Url);

        var store = await services.GetRequiredService<KnowledgeStoreOpener>()(CancellationToken.None);

        using var qdrant = Assert.IsType<QdrantKnowledgeStore>(store);
        Assert.Equal(4, qdrant.Dimensions);
    }

    [Fact]
    public void AddKnowledgeBaseWithQdrant_StoreQdrantWithoutUrl_StartupFailsNamingUrl()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Knowledge:Store"] = "qdrant" }).Build());
        services.AddLogging();
        services.AddQdrantKnowledgeStore();
        services.AddKnowledgeBase();
        using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Knowledge:Qdrant:Url is required", error.Message, StringComparison.Ordinal);
        Assert.IsType<KnowledgeStoreOpener>(provider.GetRequiredService<KnowledgeStoreOpener>());
    }
}
