using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace Omnichannel.Bots.Knowledge;

public static class NeuralEmbeddingsServiceCollectionExtensions
{
    /// <summary>
    /// Makes <c>Knowledge:Embeddings:Provider = neural</c> available to <c>AddKnowledgeEmbeddings</c>: the bundled
    /// all-MiniLM-L6-v2 model (<see cref="BundledMiniLmModel"/>, 384 dimensions) through the ONNX embedder
    /// (<c>MaxSequenceLength</c>, <c>BatchSize</c> apply). Call it in addition to AddKnowledgeEmbeddings, in any order.
    /// </summary>
    public static IServiceCollection AddKnowledgeNeuralEmbeddings(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(new KnowledgeEmbeddingProvider(KnowledgeEmbeddingsOptions.NeuralProvider, (options, _) => CreateGenerator(options, BundledMiniLmModel.DefaultPath)));
        return services;
    }

    /// <summary>The model id stored with every vector: model, its hash, tokenizer version and sequence length (a change re-indexes).</summary>
    public static string ModelId(int maxSequenceLength) => string.Create(CultureInfo.InvariantCulture,
        $"neural-{BundledMiniLmModel.Name}+{BundledMiniLmModel.ModelSha256[..12]}-L{maxSequenceLength}-t{OnnxSentenceEmbeddingGenerator.TokenizerVersion}");

    /// <summary>The neural embedder over the carrier assembly at <paramref name="carrierPath"/>.</summary>
    public static OnnxSentenceEmbeddingGenerator CreateGenerator(KnowledgeEmbeddingsOptions options, string carrierPath)
    {
        ArgumentNullException.ThrowIfNull(options);
        var model = BundledMiniLmModel.Load(carrierPath);
        using var vocab = new MemoryStream(model.Vocab, writable: false);
        var uncased = new KnowledgeEmbeddingsOptions { MaxSequenceLength = options.MaxSequenceLength, BatchSize = options.BatchSize, LowerCase = true };
        return new OnnxSentenceEmbeddingGenerator(uncased, model.Model, vocab, KnowledgeEmbeddingsOptions.NeuralProvider, ModelId(options.MaxSequenceLength), new Uri(Path.GetFullPath(carrierPath)));
    }
}
