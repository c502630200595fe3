using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.AI;

namespace Omnichannel.Bots.Knowledge.Tests.Embeddings;

public sealed class OpenAICompatibleEmbeddingGeneratorTests : IAsyncLifetime
{
    private FakeOpenAIEmbeddingsServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIEmbeddingsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private KnowledgeEmbeddingsOptions Options(string key = FakeOpenAIEmbeddingsServer.ValidKey, int batchSize = 64, int? dimensions = null) => new()
    {
        Provider = "openai",
        Endpoint = _server.BaseUrl.ToString(),
        ApiKey = key,
        Model = "text-embedding-3-small",
        Dimensions = dimensions,
        BatchSize = batchSize,
        MaxRetries = 0,
        Timeout = TimeSpan.FromSeconds(10),
    };

    [Fact]
    public async Task GenerateAsync_FiveInputsBatchOfTwo_ThreeRequestsVectorsInOrder()
    {
        using var generator = new OpenAICompatibleEmbeddingGenerator(Options(batchSize: 2));
        string[] inputs = ["where is my card", "refund please", "", "exchange rate", "pin blocked"];

        var result = await generator.GenerateAsync(inputs);

        Assert.Equal(5, result.Count);
        for (var i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(FakeOpenAIEmbeddingsServer.VectorFor(inputs[i], 8), result[i].Vector.ToArray());
        }

        var requests = _server.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.All(requests, r => Assert.Equal("/v1/embeddings", r.Path));
        Assert.All(requests, r => Assert.Equal("Bearer " + FakeOpenAIEmbeddingsServer.ValidKey, r.Authorization));
        Assert.All(requests, r => Assert.Equal("text-embedding-3-small", r.Body["model"]!.GetValue<string>()));
        Assert.Equal([["where is my card", "refund please"], ["", "exchange rate"], ["pin blocked"]],
            requests.Select(r => r.Body["input"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray()).ToArray());
        // The SDK asks for base64 (smaller responses) and decodes it; the fake answers in the requested encoding.
        Assert.All(requests, r => Assert.Equal("base64", r.Body["encoding_format"]?.GetValue<string>()));
        Assert.All(requests, r => Assert.Null(r.Body["dimensions"]));
        Assert.Equal(10, result.Usage?.InputTokenCount);
    }

    [Fact]
    public async Task GenerateAsync_Dimensions_SentAndInModelId()
    {
        using var generator = new OpenAICompatibleEmbeddingGenerator(Options(dimensions: 3));

        var result = await generator.GenerateAsync(["hello"]);

        Assert.Equal(3, result[0].Vector.Length);
        Assert.Equal(3, _server.Requests.Single().Body["dimensions"]!.GetValue<int>());
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>()!;
        Assert.Equal("text-embedding-3-small@3", metadata.DefaultModelId);
        Assert.Equal("openai", metadata.ProviderName);
        Assert.Equal(_server.BaseUrl, metadata.ProviderUri);
        Assert.Equal(3, metadata.DefaultModelDimensions);
    }

    [Fact]
    public async Task GenerateAsync_NoInputs_NoRequest()
    {
        using var generator = new OpenAICompatibleEmbeddingGenerator(Options());

        var result = await generator.GenerateAsync([]);

        Assert.Empty(result);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task GenerateAsync_WrongKey_SaysApiKeyWasRejected()
    {
        using var generator = new OpenAICompatibleEmbeddingGenerator(Options(key: "sk-wrong"));

        var ex = await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.GenerateAsync(["x"]));

        Assert.StartsWith("Knowledge:Embeddings:ApiKey was rejected", ex.Message, StringComparison.Ordinal);
        Assert.Equal(401, ex.StatusCode);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task GenerateAsync_ServerError_TransientWithStatus()
    {
        _server.Answer = FakeOpenAIEmbeddingsServer.Mode.ServerError;
        using var generator = new OpenAICompatibleEmbeddingGenerator(Options());

        var ex = await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.GenerateAsync(["x"]));

        Assert.Contains("answered HTTP 500", ex.Message, StringComparison.Ordinal);
        Assert.Equal(500, ex.StatusCode);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task GenerateAsync_MalformedJson_SaysNotAnEmbeddingsResponse()
    {
        _server.Answer = FakeOpenAIEmbeddingsServer.Mode.MalformedJson;
        using var generator = new OpenAICompatibleEmbeddingGenerator(Options());

        var ex = await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.GenerateAsync(["x"]));

        Assert.Contains("is not an OpenAI embeddings response", ex.Message, StringComparison.Ordinal);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task GenerateAsync_FewerEmbeddingsThanInputs_SaysSo()
    {
        _server.Answer = FakeOpenAIEmbeddingsServer.Mode.MissingEmbedding;
        using var generator = new OpenAICompatibleEmbeddingGenerator(Options());

        var ex = await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.GenerateAsync(["a", "b"]));

        Assert.Contains("2 inputs were sent but 1 embeddings came back", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_Unreachable_NamesEndpointSetting()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = Options();
        options.Endpoint = $"http://127.0.0.1:{port}/v1";
        using var generator = new OpenAICompatibleEmbeddingGenerator(options);

        var ex = await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.GenerateAsync(["x"]));

        Assert.Contains("Could not reach the embeddings endpoint", ex.Message, StringComparison.Ordinal);
        Assert.Contains("(Knowledge:Embeddings:Endpoint)", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task GenerateAsync_SlowServer_TimeoutNamesSetting()
    {
        _server.Answer = FakeOpenAIEmbeddingsServer.Mode.Slow;
        var options = Options();
        options.Timeout = TimeSpan.FromMilliseconds(300);
        using var generator = new OpenAICompatibleEmbeddingGenerator(options);

        var ex = await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.GenerateAsync(["x"]));

        Assert.Contains("Knowledge:Embeddings:Timeout", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task GenerateAsync_CallerCancels_OperationCanceled()
    {
        _server.Answer = FakeOpenAIEmbeddingsServer.Mode.Slow;
        using var generator = new OpenAICompatibleEmbeddingGenerator(Options());
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => generator.GenerateAsync(["x"], cancellationToken: cts.Token));
    }

    [Fact]
    public void Constructor_MissingSettings_ArgumentExceptionNamingThem()
    {
        var ex = Assert.Throws<ArgumentException>(() => new OpenAICompatibleEmbeddingGenerator(new KnowledgeEmbeddingsOptions { Provider = "openai" }));

        Assert.Contains("Knowledge:Embeddings:Endpoint is required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Knowledge:Embeddings:ApiKey is required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Knowledge:Embeddings:Model is required", ex.Message, StringComparison.Ordinal);
    }
}
