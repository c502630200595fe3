using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Omnichannel.Bots.Knowledge;

namespace Live.Tests.Embeddings;

/// <summary>The OpenAI-compatible embedding generator against a real endpoint (OpenAI, Azure OpenAI v1, Ollama, vLLM...).</summary>
public sealed class OpenAIEmbeddingsLiveTests
{
    private static KnowledgeEmbeddingsOptions Options(string? apiKey = null)
    {
        var values = LiveEnvironment.Require("OMNIBOT_OPENAI_BASE_URL", "OMNIBOT_OPENAI_API_KEY", "OMNIBOT_OPENAI_EMBEDDING_MODEL");
        return new KnowledgeEmbeddingsOptions
        {
            Provider = "openai",
            Endpoint = values[0],
            ApiKey = apiKey ?? values[1],
            Model = values[2],
            BatchSize = 2,
        };
    }

    [Fact]
    public async Task GenerateAsync_ThreeQuestionsInTwoBatches_VectorsOfOneLengthParaphraseClosest()
    {
        using var generator = new OpenAICompatibleEmbeddingGenerator(Options());

        var result = await generator.GenerateAsync(["My card still hasn't arrived", "When will my new card be delivered?", "What is the exchange rate for euros?"]);

        Assert.Equal(3, result.Count);
        Assert.All(result, e => Assert.Equal(result[0].Vector.Length, e.Vector.Length));
        Assert.True(result[0].Vector.Length > 0);
        Assert.All(result, e => Assert.True(TensorPrimitives.Norm(e.Vector.Span) > 0));
        var paraphrase = TensorPrimitives.CosineSimilarity(result[0].Vector.Span, result[1].Vector.Span);
        var unrelated = TensorPrimitives.CosineSimilarity(result[0].Vector.Span, result[2].Vector.Span);
        Assert.True(paraphrase > unrelated, $"paraphrase {paraphrase} should beat unrelated {unrelated}");
    }

    [Fact]
    public async Task GenerateAsync_WrongKey_ApiKeyRejected()
    {
        var options = Options(apiKey: "sk-omnibot-live-test-invalid-key");
        using var generator = new OpenAICompatibleEmbeddingGenerator(options);

        // Servers without authentication (a local Ollama) accept any key; then there is nothing to check here.
        try
        {
            await generator.GenerateAsync(["hello"]);
        }
        catch (EmbeddingServiceException ex)
        {
            Assert.StartsWith("Knowledge:Embeddings:ApiKey was rejected", ex.Message, StringComparison.Ordinal);
            return;
        }

        Assert.True(IsLoopback(options.Endpoint!), $"{options.Endpoint} accepted an invalid API key.");
    }

    private static bool IsLoopback(string endpoint) => new Uri(endpoint).IsLoopback;
}
