using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Omnichannel.Bots.Knowledge.Onnx.Tests;

public sealed class OnnxSentenceEmbeddingGeneratorTests(TestOnnxModel model, ITestOutputHelper output) : IClassFixture<TestOnnxModel>
{
    private static readonly string[] Sentences =
    [
        "Where is my new card?",
        "I want to get my money back",
        "the exchange rate was not good",
        "How long does it take",
        "qqzxv card",
        "She said",
    ];

    private KnowledgeEmbeddingsOptions Options(string? modelPath = null, int maxSequenceLength = 256, int batchSize = 64) => new()
    {
        Provider = "onnx",
        ModelPath = modelPath ?? model.ModelPath,
        VocabPath = model.VocabPath,
        MaxSequenceLength = maxSequenceLength,
        BatchSize = batchSize,
    };

    /// <summary>
    /// Independent of the generator: lower-case, split on spaces and punctuation, keep the words among the table's first
    /// <see cref="TestOnnxModel.Words"/> (the vocabulary; anything else is [UNK], a zero row), sum their vectors from the
    /// bundled table and normalise. [CLS], [SEP] and [UNK] rows are zero, so the mean over the attention mask points the
    /// same way as this sum.
    /// </summary>
    private static float[] Expected(string text, int maxWords = int.MaxValue)
    {
        var table = WordVectorTable.Bundled;
        var sum = new float[table.Dimensions];
        var row = new float[table.Dimensions];
        var words = text.ToLowerInvariant().Split([' ', '?', '.', ','], StringSplitOptions.RemoveEmptyEntries).Take(maxWords);
        foreach (var word in words)
        {
            if (table.TryGetIndex(word, out var index) && index < TestOnnxModel.Words)
            {
                table.CopyVector(index, row);
                TensorPrimitives.Add(sum, row, sum);
            }
        }

        var norm = TensorPrimitives.Norm(sum);
        return norm == 0 ? sum : sum.Select(v => v / norm).ToArray();
    }

    private static float MaxAbsDifference(float[] a, ReadOnlySpan<float> b)
    {
        Assert.Equal(a.Length, b.Length);
        var max = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }

    [Fact]
    public async Task GenerateAsync_Sentences_NormalisedMeanOfTheTableVectors()
    {
        using var generator = new OnnxSentenceEmbeddingGenerator(Options());

        var result = await generator.GenerateAsync(Sentences);

        var max = 0f;
        for (var i = 0; i < Sentences.Length; i++)
        {
            Assert.True(TensorPrimitives.Norm(Expected(Sentences[i])) > 0.5f, $"'{Sentences[i]}' has no word in the test vocabulary");
            max = Math.Max(max, MaxAbsDifference(Expected(Sentences[i]), result[i].Vector.Span));
            Assert.Equal(1f, TensorPrimitives.Norm(result[i].Vector.Span), 4);
        }

        output.WriteLine($"max abs difference to the independent mean of table vectors: {max:E2}");
        Assert.True(max < 1e-4f, $"max abs difference {max}");
    }

    [Fact]
    public async Task GenerateAsync_BatchesOfTwo_SameAsOneBatch()
    {
        using var whole = new OnnxSentenceEmbeddingGenerator(Options());
        using var pairs = new OnnxSentenceEmbeddingGenerator(Options(batchSize: 2));

        var expected = await whole.GenerateAsync(Sentences);
        var actual = await pairs.GenerateAsync(Sentences);

        for (var i = 0; i < Sentences.Length; i++)
        {
            Assert.True(MaxAbsDifference(expected[i].Vector.ToArray(), actual[i].Vector.Span) < 1e-6f);
        }
    }

    [Fact]
    public async Task GenerateAsync_LongerThanMaxSequence_Truncated()
    {
        // 5 pieces = [CLS] + 3 words + [SEP].
        using var generator = new OnnxSentenceEmbeddingGenerator(Options(maxSequenceLength: 5));

        var result = await generator.GenerateAsync(["the exchange rate was not good"]);

        Assert.True(MaxAbsDifference(Expected("the exchange rate"), result[0].Vector.Span) < 1e-4f);
    }

    [Fact]
    public async Task GenerateAsync_PooledOutputModelWithTokenTypeIds_SameVectors()
    {
        using var tokenLevel = new OnnxSentenceEmbeddingGenerator(Options());
        using var pooled = new OnnxSentenceEmbeddingGenerator(Options(modelPath: model.PooledModelPath));

        var expected = await tokenLevel.GenerateAsync(Sentences);
        var actual = await pooled.GenerateAsync(Sentences);

        for (var i = 0; i < Sentences.Length; i++)
        {
            Assert.True(MaxAbsDifference(expected[i].Vector.ToArray(), actual[i].Vector.Span) < 1e-5f);
        }
    }

    [Fact]
    public async Task GenerateAsync_EmptyOrUnknownText_ZeroVector()
    {
        using var generator = new OnnxSentenceEmbeddingGenerator(Options());

        var result = await generator.GenerateAsync(["", "qqzxv wwkrrtp"]);

        Assert.All(result, e => Assert.All(e.Vector.ToArray(), v => Assert.Equal(0f, v)));
    }

    [Fact]
    public void Metadata_ProviderDimensionsAndModelIdFromFiles()
    {
        using var generator = new OnnxSentenceEmbeddingGenerator(Options());
        using var shorter = new OnnxSentenceEmbeddingGenerator(Options(maxSequenceLength: 128));
        using var pooled = new OnnxSentenceEmbeddingGenerator(Options(modelPath: model.PooledModelPath));

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>()!;

        Assert.Equal("onnx", metadata.ProviderName);
        Assert.Equal(100, metadata.DefaultModelDimensions);
        Assert.StartsWith("onnx-model+", metadata.DefaultModelId, StringComparison.Ordinal);
        Assert.NotEqual(metadata.DefaultModelId, shorter.Metadata.DefaultModelId);
        Assert.NotEqual(metadata.DefaultModelId, pooled.Metadata.DefaultModelId);
    }

    [Fact]
    public void Constructor_NotAnOnnxModel_NamesModelPath()
    {
        var ex = Assert.Throws<ArgumentException>(() => new OnnxSentenceEmbeddingGenerator(Options(modelPath: model.VocabPath)));

        Assert.Contains("Knowledge:Embeddings:ModelPath " + model.VocabPath + " could not be loaded by ONNX Runtime", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MissingFiles_NamesSettings()
    {
        var options = Options(modelPath: Path.Combine(model.Directory, "none.onnx"));
        options.VocabPath = null;

        var ex = Assert.Throws<ArgumentException>(() => new OnnxSentenceEmbeddingGenerator(options));

        Assert.Contains("Knowledge:Embeddings:ModelPath: file not found: " + Path.Combine(model.Directory, "none.onnx"), ex.Message, StringComparison.Ordinal);
        Assert.Contains("Knowledge:Embeddings:VocabPath is required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddKnowledgeOnnxEmbeddings_ProviderOnnx_OnnxGeneratorFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:Embeddings:Provider"] = "onnx",
            ["Knowledge:Embeddings:ModelPath"] = model.ModelPath,
            ["Knowledge:Embeddings:VocabPath"] = model.VocabPath,
            ["Knowledge:Embeddings:BatchSize"] = "4",
        }).Build();
        var services = new ServiceCollection();
        services.AddKnowledgeOnnxEmbeddings();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddKnowledgeEmbeddings();
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();

        var generator = provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var result = await generator.GenerateAsync(["where is my card"]);

        Assert.IsType<OnnxSentenceEmbeddingGenerator>(generator);
        Assert.True(MaxAbsDifference(Expected("where is my card"), result[0].Vector.Span) < 1e-4f);
    }
}
