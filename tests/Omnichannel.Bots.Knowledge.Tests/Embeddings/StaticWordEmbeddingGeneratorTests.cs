using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Omnichannel.Bots.Knowledge.Tests.Embeddings;

public sealed class StaticWordEmbeddingGeneratorTests
{
    private static readonly StaticWordEmbeddingGenerator Bundled = new();

    [Fact]
    public void Embed_BundledTable_UnitLengthHundredDimensions()
    {
        var vector = Bundled.Embed("Where is my new card?");

        Assert.Equal(100, vector.Length);
        Assert.Equal(1f, TensorPrimitives.Norm(vector), 4);
    }

    [Fact]
    public void Embed_Paraphrases_CloserThanUnrelatedQuestion()
    {
        var a = Bundled.Embed("My card still hasn't arrived");
        var b = Bundled.Embed("When will the card I ordered be delivered?");
        var c = Bundled.Embed("How do I change my PIN number?");

        Assert.True(TensorPrimitives.Dot(a, b) > TensorPrimitives.Dot(a, c) + 0.05f,
            $"paraphrase {TensorPrimitives.Dot(a, b)} vs unrelated {TensorPrimitives.Dot(a, c)}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("?!... --")]
    [InlineData("qqzxv wwkrrtp")]
    public void Embed_NoKnownWord_ZeroVector(string text)
    {
        var destination = new float[100];
        destination.AsSpan().Fill(3f);

        var known = Bundled.Embed(text, destination);

        Assert.Equal(0, known);
        Assert.All(destination, x => Assert.Equal(0f, x));
    }

    [Fact]
    public void Embed_UnknownWordsMixedIn_IgnoredLikeAbsent()
    {
        Assert.Equal(Bundled.Embed("refund my card"), Bundled.Embed("refund qqzxv my card"));
    }

    [Fact]
    public void Embed_Contraction_SameAsExpandedForm()
    {
        Assert.Equal(Bundled.Embed("I do not have it"), Bundled.Embed("I don't have it"));
    }

    [Fact]
    public void Embed_ConcurrentCallers_SameVectors()
    {
        string[] texts = ["top up failed", "card declined at a shop", "exchange rate for euros", "how to verify my identity"];
        var expected = texts.Select(Bundled.Embed).ToArray();
        var results = new float[200][];

        Parallel.For(0, results.Length, i => results[i] = Bundled.Embed(texts[i % texts.Length]));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % texts.Length], results[i]);
        }
    }

    [Fact]
    public void Embed_TinyTable_SifWeightedSumMinusComponentNormalised()
    {
        var component = new[] { 1f, 0f, 0f, 0f };
        var table = TinyTables.Create(component);
        using var generator = new StaticWordEmbeddingGenerator(table);
        var wThe = SifWeighting.Weight(0, 1000, SifWeighting.DefaultA);
        var wCard = SifWeighting.Weight(2, 1000, SifWeighting.DefaultA);
        var wRefund = SifWeighting.Weight(6, 1000, SifWeighting.DefaultA);
        // the: (1,0,0,0) is removed entirely with the component; card (0,1,0,0); refund (0,0,0,1).
        var expected = new[] { 0f, wCard, 0f, wRefund };
        TensorPrimitives.Divide(expected, TensorPrimitives.Norm(expected), expected);

        var vector = generator.Embed("The card, the REFUND.");

        Assert.True(wThe < wCard && wCard < wRefund);
        for (var d = 0; d < 4; d++)
        {
            Assert.Equal(expected[d], vector[d], 5);
        }
    }

    [Fact]
    public void Embed_OnlyTheComponentDirection_ZeroVector()
    {
        using var generator = new StaticWordEmbeddingGenerator(TinyTables.Create([1f, 0f, 0f, 0f]));

        Assert.All(generator.Embed("the the"), x => Assert.Equal(0f, x));
    }

    [Fact]
    public void Embed_DestinationTooShort_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Bundled.Embed("card", new float[99]));
    }

    [Fact]
    public void GetService_Metadata_ProviderModelAndDimensions()
    {
        var metadata = Bundled.GetService<EmbeddingGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("omnibot-static", metadata.ProviderName);
        Assert.Equal(100, metadata.DefaultModelDimensions);
        Assert.Equal("glove100-sif3E-4-pc-v1+" + WordVectorTable.Bundled.ContentHash[..12], metadata.DefaultModelId);
        Assert.Same(WordVectorTable.Bundled, Bundled.GetService<WordVectorTable>());
        Assert.Same(Bundled, Bundled.GetService<IEmbeddingGenerator<string, Embedding<float>>>());
        Assert.Null(Bundled.GetService(typeof(EmbeddingGeneratorMetadata), "key"));
        Assert.Null(Bundled.GetService<string>());
    }

    [Fact]
    public void ModelId_DifferentTableOrAlgorithm_Changes()
    {
        using var tiny = new StaticWordEmbeddingGenerator(TinyTables.Create());
        using var tinyOther = new StaticWordEmbeddingGenerator(TinyTables.Create([0f, 1f, 0f, 0f]));
        using var plainMean = new StaticWordEmbeddingGenerator(WordVectorTable.Bundled, null, StaticWordEmbeddingGenerator.PrincipalComponentSource.None, ContractionHandling.Expand);

        string[] ids = [Bundled.Metadata.DefaultModelId!, tiny.Metadata.DefaultModelId!, tinyOther.Metadata.DefaultModelId!, plainMean.Metadata.DefaultModelId!];

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public async Task GenerateAsync_Batch_OneEmbeddingPerValueInOrder()
    {
        IEmbeddingGenerator<string, Embedding<float>> generator = Bundled;

        var result = await generator.GenerateAsync(["lost card", "", "exchange rate"]);

        Assert.Equal(3, result.Count);
        Assert.Equal(Bundled.Embed("lost card"), result[0].Vector.ToArray());
        Assert.All(result[1].Vector.ToArray(), x => Assert.Equal(0f, x));
        Assert.All(result, e => Assert.Equal(Bundled.Metadata.DefaultModelId, e.ModelId));
    }

    [Fact]
    public async Task GenerateAsync_OtherModelOrDimensionsRequested_Throws()
    {
        var model = await Assert.ThrowsAsync<ArgumentException>(() => Bundled.GenerateAsync(["x"], new EmbeddingGenerationOptions { ModelId = "text-embedding-3-small" }));
        var dims = await Assert.ThrowsAsync<ArgumentException>(() => Bundled.GenerateAsync(["x"], new EmbeddingGenerationOptions { Dimensions = 384 }));

        Assert.Contains("text-embedding-3-small", model.Message, StringComparison.Ordinal);
        Assert.Contains("384", dims.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Bundled.GenerateAsync(["x"], cancellationToken: cts.Token));
    }
}
