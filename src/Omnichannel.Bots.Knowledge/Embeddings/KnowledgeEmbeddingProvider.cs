using Microsoft.Extensions.AI;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// An embedding provider that lives in another package (the ONNX one does, to keep ONNX Runtime's native libraries out
/// of every bot): registered as a singleton, chosen when <c>Knowledge:Embeddings:Provider</c> equals <see cref="Name"/>.
/// </summary>
/// <param name="Name">The provider name in configuration (case-insensitive).</param>
/// <param name="Create">Creates the generator from validated options (relative paths already resolved).</param>
public sealed record KnowledgeEmbeddingProvider(
    string Name,
    Func<KnowledgeEmbeddingsOptions, IServiceProvider, IEmbeddingGenerator<string, Embedding<float>>> Create);
