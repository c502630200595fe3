using Microsoft.Extensions.AI;
using Omnichannel.Bots.Knowledge;

namespace Omnichannel.Bots.Knowledge.Tests.Retrieval;

/// <summary>
/// A test embedder: each word maps to a fixed pseudo-random 32-d vector (seeded by its term id), a text to the sum.
/// Similar wording gives similar vectors; counts the texts it embedded so tests can prove nothing was re-embedded.
/// </summary>
internal sealed class HashingEmbeddingGenerator(int dimensions = 32) : IEmbeddingGenerator<string, Embedding<float>>
{
    public int EmbeddedTexts { get; private set; }

    public float[] Embed(string text)
    {
        var vector = new float[dimensions];
        foreach (var word in LexicalAnalyzer.Words(text))
        {
            var random = new Random((int)LexicalAnalyzer.TermId(LexicalTermKind.Word, word));
            for (var i = 0; i < dimensions; i++)
            {
                vector[i] += (float)((random.NextDouble() * 2) - 1);
            }
        }

        return vector;
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = values.ToList();
        EmbeddedTexts += list.Count;
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(list.Select(v => new Embedding<float>(Embed(v)))));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("hashing", null, "hashing-32") : null;

    public void Dispose()
    {
    }
}
