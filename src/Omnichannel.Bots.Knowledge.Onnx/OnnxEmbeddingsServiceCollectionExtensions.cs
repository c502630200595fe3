using Microsoft.Extensions.DependencyInjection;

namespace Omnichannel.Bots.Knowledge;

public static class OnnxEmbeddingsServiceCollectionExtensions
{
    /// <summary>
    /// Makes <c>Knowledge:Embeddings:Provider = onnx</c> available to <c>AddKnowledgeEmbeddings</c>: a
    /// sentence-transformer <c>model.onnx</c> with its <c>vocab.txt</c> (<c>ModelPath</c>, <c>VocabPath</c>,
    /// <c>MaxSequenceLength</c>, <c>BatchSize</c>, <c>LowerCase</c>). Call it in addition to AddKnowledgeEmbeddings, in
    /// any order.
    /// </summary>
    public static IServiceCollection AddKnowledgeOnnxEmbeddings(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(new KnowledgeEmbeddingProvider(KnowledgeEmbeddingsOptions.OnnxProvider, (options, _) => new OnnxSentenceEmbeddingGenerator(options)));
        return services;
    }
}
