using Microsoft.Extensions.AI;

namespace Omnichannel.Bots.Knowledge.Tests.Fakes;

/// <summary>Embeds a text as (length, number of spaces) and counts the texts it was asked for.</summary>
internal sealed class CountingEmbeddingGenerator(string modelId = "counting-v1") : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata _metadata = new("counting", null, modelId, 2);

    public List<string> Embedded { get; } = [];

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        Embedded.AddRange(texts);
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(new[] { t.Length, (float)t.Count(c => c == ' ') }))));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata : null;

    public void Dispose()
    {
    }
}
