using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Knowledge.Tests.Embeddings;

public sealed class KnowledgeEmbeddingsServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? more = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddKnowledgeEmbeddings();
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    private static string StartupErrors(ServiceProvider provider) =>
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate()).Message;

    [Fact]
    public void AddKnowledgeEmbeddings_NoSection_StaticSingleton()
    {
        using var provider = Build([]);
        provider.GetRequiredService<IStartupValidator>().Validate();

        var generator = provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        Assert.IsType<StaticWordEmbeddingGenerator>(generator);
        Assert.Same(generator, provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
    }

    [Fact]
    public void AddKnowledgeEmbeddings_OpenAI_OpenAIGeneratorWithModel()
    {
        using var provider = Build(new()
        {
            ["Knowledge:Embeddings:Provider"] = "OpenAI",
            ["Knowledge:Embeddings:Endpoint"] = "http://127.0.0.1:9/v1",
            ["Knowledge:Embeddings:ApiKey"] = "sk-x",
            ["Knowledge:Embeddings:Model"] = "nomic-embed-text",
            ["Knowledge:Embeddings:BatchSize"] = "16",
        });
        provider.GetRequiredService<IStartupValidator>().Validate();

        var generator = provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        Assert.IsType<OpenAICompatibleEmbeddingGenerator>(generator);
        Assert.Equal("nomic-embed-text", generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelId);
    }

    [Fact]
    public void AddKnowledgeEmbeddings_OpenAIWithoutSettings_StartupNamesEachSetting()
    {
        using var provider = Build(new() { ["Knowledge:Embeddings:Provider"] = "openai" });

        var message = StartupErrors(provider);

        Assert.Contains("Knowledge:Embeddings:Endpoint is required when Knowledge:Embeddings:Provider is 'openai'", message, StringComparison.Ordinal);
        Assert.Contains("Knowledge:Embeddings:ApiKey is required when Knowledge:Embeddings:Provider is 'openai'", message, StringComparison.Ordinal);
        Assert.Contains("Knowledge:Embeddings:Model is required", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Endpoint", "localhost:1234", "Knowledge:Embeddings:Endpoint must be an absolute http(s) URL; it is 'localhost:1234'.")]
    [InlineData("Dimensions", "0", "Knowledge:Embeddings:Dimensions must be positive when set; it is 0.")]
    [InlineData("BatchSize", "5000", "Knowledge:Embeddings:BatchSize must be between 1 and 2048; it is 5000.")]
    [InlineData("Timeout", "-00:00:01", "Knowledge:Embeddings:Timeout must be positive")]
    [InlineData("MaxRetries", "-1", "Knowledge:Embeddings:MaxRetries must be between 0 and 10; it is -1.")]
    public void AddKnowledgeEmbeddings_OpenAIBadValue_StartupNamesSetting(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Knowledge:Embeddings:Provider"] = "openai",
            ["Knowledge:Embeddings:Endpoint"] = "https://api.openai.com/v1",
            ["Knowledge:Embeddings:ApiKey"] = "sk-x",
            ["Knowledge:Embeddings:Model"] = "text-embedding-3-small",
        };
        settings["Knowledge:Embeddings:" + key] = value;
        using var provider = Build(settings);

        Assert.Contains(expected, StartupErrors(provider), StringComparison.Ordinal);
    }

    [Fact]
    public void AddKnowledgeEmbeddings_UnknownProvider_StartupNamesProvider()
    {
        using var provider = Build(new() { ["Knowledge:Embeddings:Provider"] = "word2vec" });

        Assert.Contains("Knowledge:Embeddings:Provider must be 'static', 'openai', 'onnx' or 'neural'; it is 'word2vec'.", StartupErrors(provider), StringComparison.Ordinal);
    }

    [Fact]
    public void AddKnowledgeEmbeddings_NeuralWithoutPackage_StartupNamesPackageAndSequenceLength()
    {
        using var provider = Build(new()
        {
            ["Knowledge:Embeddings:Provider"] = "Neural",
            ["Knowledge:Embeddings:MaxSequenceLength"] = "1024",
        });

        var message = StartupErrors(provider);

        Assert.Contains("Knowledge:Embeddings:MaxSequenceLength must be between 3 and 512 when Knowledge:Embeddings:Provider is 'neural'", message, StringComparison.Ordinal);
        Assert.Contains("reference Omnichannel.Bots.Knowledge.Neural and call services.AddKnowledgeNeuralEmbeddings()", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKnowledgeEmbeddings_OnnxMissingFilesAndPackage_StartupNamesSettings()
    {
        using var provider = Build(new()
        {
            ["Knowledge:Embeddings:Provider"] = "onnx",
            ["Knowledge:Embeddings:ModelPath"] = "models/none/model.onnx",
            ["Knowledge:Embeddings:MaxSequenceLength"] = "2",
        });

        var message = StartupErrors(provider);

        Assert.Contains("Knowledge:Embeddings:ModelPath: file not found: " + Path.GetFullPath("models/none/model.onnx"), message, StringComparison.Ordinal);
        Assert.Contains("Knowledge:Embeddings:VocabPath is required when Knowledge:Embeddings:Provider is 'onnx'", message, StringComparison.Ordinal);
        Assert.Contains("Knowledge:Embeddings:MaxSequenceLength must be between 3 and 8192; it is 2.", message, StringComparison.Ordinal);
        Assert.Contains("reference Omnichannel.Bots.Knowledge.Onnx and call services.AddKnowledgeOnnxEmbeddings()", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKnowledgeEmbeddings_RegisteredProvider_UsedWithResolvedPaths()
    {
        var dir = Directory.CreateTempSubdirectory("omnibot-emb-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "model.onnx"), "x");
            File.WriteAllText(Path.Combine(dir.FullName, "vocab.txt"), "x");
            KnowledgeEmbeddingsOptions? seen = null;
            using var expected = new StaticWordEmbeddingGenerator(TinyTables.Create());
            using var provider = Build(
                new()
                {
                    ["Knowledge:Embeddings:Provider"] = "onnx",
                    ["Knowledge:Embeddings:ModelPath"] = Path.Combine(dir.FullName, "model.onnx"),
                    ["Knowledge:Embeddings:VocabPath"] = Path.Combine(dir.FullName, "vocab.txt"),
                },
                services => services.AddSingleton(new KnowledgeEmbeddingProvider("onnx", (options, _) => { seen = options; return expected; })));
            provider.GetRequiredService<IStartupValidator>().Validate();

            var generator = provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

            Assert.Same(expected, generator);
            Assert.Equal(Path.Combine(dir.FullName, "vocab.txt"), seen!.VocabPath);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
