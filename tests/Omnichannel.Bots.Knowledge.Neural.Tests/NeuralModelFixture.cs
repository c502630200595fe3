namespace Omnichannel.Bots.Knowledge.Neural.Tests;

/// <summary>One neural embedder per test class: loading the 91 MB model takes about a second.</summary>
public sealed class NeuralModelFixture : IDisposable
{
    public OnnxSentenceEmbeddingGenerator Generator { get; } =
        NeuralEmbeddingsServiceCollectionExtensions.CreateGenerator(new KnowledgeEmbeddingsOptions { Provider = "neural" }, BundledMiniLmModel.DefaultPath);

    public void Dispose() => Generator.Dispose();
}
