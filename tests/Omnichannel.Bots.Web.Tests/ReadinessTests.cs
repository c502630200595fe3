using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Omnichannel.Bots.AspNetCore;
using Omnichannel.Bots.Knowledge;
using Omnichannel.Bots.Storage.Sqlite;
using Omnichannel.Bots.Testing;
using SupportBot;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>
/// <c>GET /healthz/ready</c> on a real host (Kestrel on loopback) whose knowledge base cannot finish its first load until
/// the test opens a gate: the embedding generator waits for it.
/// </summary>
public sealed class ReadinessTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("omnibot-ready-").FullName;
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    private string KnowledgeFolder => Path.Combine(_root, "knowledge");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(KnowledgeFolder);
        await File.WriteAllTextAsync(Path.Combine(KnowledgeFolder, "shipping.md"), Article("shipping", "Delivery times", "Orders arrive in 3-5 business days.", "how long does delivery take"));
        await File.WriteAllTextAsync(Path.Combine(KnowledgeFolder, "returns.md"), Article("returns", "Returns", "You can return items within 30 days.", "how do I return something"));

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();

        // Registered before AddKnowledge, so it replaces the configured generator.
        builder.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new GatedEmbeddingGenerator(new StaticWordEmbeddingGenerator(), _gate.Task));
        builder.Services.AddOmnichannelBot(bot => bot
            .AddSupportBot()
            .AddKnowledge(options =>
            {
                options.Path = KnowledgeFolder;
                options.ReloadDelay = TimeSpan.FromMilliseconds(50);
            })
            .AddSqliteStorage(options => options.DataDirectory = Path.Combine(_root, "data")));
        _app = builder.Build();
        _app.MapBotEndpoints();
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
    }

    public async Task DisposeAsync()
    {
        _gate.TrySetResult();
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        WebChatHost.TryDelete(_root);
    }

    [Fact]
    public async Task Ready_BeforeKnowledgeLoads_503NamingTheKnowledgeCheck()
    {
        var (status, body) = await GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("not ready", body.GetProperty("status").GetString());
        var knowledge = Check(body, "knowledge");
        Assert.Equal("starting", knowledge.GetProperty("status").GetString());
        Assert.Contains("not loaded", knowledge.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("ready", Check(body, "storage").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_AfterKnowledgeLoads_200WithEveryCheckHealthy()
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await GetAsync("/healthz/ready")).Status);

        _gate.SetResult();
        await Readiness.WaitAsync(_http);

        var (status, body) = await GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ready", body.GetProperty("status").GetString());
        Assert.Equal(["knowledge", "storage"], body.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Contains("version 1, 2 articles", Check(body, "knowledge").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_FirstLoadFails_503NamingTheFailure()
    {
        _gate.SetException(new HttpRequestException("the embedding service is down"));
        var knowledge = _app.Services.GetRequiredService<KnowledgeBase>();
        await Eventually.UntilAsync(() => knowledge.Status.ReloadError is not null, "the first load to fail");

        var (status, body) = await GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("not ready", body.GetProperty("status").GetString());
        var check = Check(body, "knowledge");
        Assert.Equal("failed", check.GetProperty("status").GetString());
        Assert.Contains("the embedding service is down", check.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_AfterABrokenEdit_Stays200WhileHealthzSaysDegraded()
    {
        _gate.SetResult();
        await Readiness.WaitAsync(_http);
        var knowledge = _app.Services.GetRequiredService<KnowledgeBase>();
        var before = knowledge.Status.Version;

        await File.WriteAllTextAsync(Path.Combine(KnowledgeFolder, "shipping.md"), "---\nid: shipping\ntitle: Delivery times\nquestions: [unclosed\n---\nBroken.\n");
        await Eventually.UntilAsync(() => knowledge.Status.Version > before, "a reload after the broken edit");

        var (readyStatus, ready) = await GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, readyStatus);
        Assert.Equal("ready", Check(ready, "knowledge").GetProperty("status").GetString());
        var (healthStatus, health) = await GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, healthStatus);
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Equal(["shipping.md"], health.GetProperty("knowledge").GetProperty("servedFromLastGood").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task Healthz_BeforeKnowledgeLoads_200HealthyAndNotLoaded()
    {
        var (status, body) = await GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.False(body.GetProperty("knowledge").GetProperty("loaded").GetBoolean());
        Assert.Equal(0, body.GetProperty("knowledge").GetProperty("articles").GetInt32());
        Assert.False(body.TryGetProperty("checks", out _));
    }

    [Fact]
    public async Task Healthz_Body_StatusThenChannelsThenEachComponentAndNoStoreCaching()
    {
        using var response = await _http.GetAsync(new Uri("/healthz", UriKind.Relative));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var contributors = _app.Services.GetServices<IBotHealthContributor>().Select(c => c.Name);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(["status", "channels", .. contributors], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Array, body.GetProperty("channels").ValueKind);
        Assert.Equal(0, body.GetProperty("inbox").GetProperty("parked").GetInt32());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, body);
    }

    private static JsonElement Check(JsonElement body, string name) =>
        body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static string Article(string id, string title, string answer, string question) =>
        $"---\nid: {id}\ntitle: {title}\nquestions:\n  - {question}\n---\n{answer}\n";

    /// <summary>Embeds with the static generator once the gate is open; until then the knowledge base's first load waits.</summary>
    private sealed class GatedEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, Task gate) : IEmbeddingGenerator<string, Embedding<float>>
    {
        public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            await gate.WaitAsync(cancellationToken);
            return await inner.GenerateAsync(values, options, cancellationToken);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => inner.GetService(serviceType, serviceKey);

        public void Dispose() => inner.Dispose();
    }
}
