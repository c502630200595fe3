using System.Globalization;
using Microsoft.Extensions.AI;
using System.Numerics.Tensors;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// The default, offline embedding generator: sentence vectors from the bundled GloVe 100-d word vectors by SIF
/// (smooth inverse frequency) weighting <c>a / (a + p(w))</c>, with <c>p(w)</c> estimated from the word's frequency
/// rank (Zipf), minus the projection on the table's stored first principal component, L2-normalised.
/// </summary>
/// <remarks>
/// <para>Embedding is a pure function of the text: the principal component is computed once, at conversion time, from
/// the frequency-weighted vocabulary and stored in the table, not from the texts being embedded.</para>
/// <para>Words not in the table are ignored. A text with no known word (empty, only punctuation, or only unknown
/// words) gets the zero vector: its dot product with every vector is 0 (cosine similarity is undefined, so compare
/// with the dot product, which equals the cosine for the other, normalised, vectors).</para>
/// <para>Thread-safe; the bundled table is loaded once, on first use.</para>
/// </remarks>
public sealed class StaticWordEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The provider name reported in <see cref="EmbeddingGeneratorMetadata"/>.</summary>
    public const string ProviderName = "omnibot-static";

    // Bumped whenever tokenization or weighting changes in a way that changes vectors (it is part of the model id).
    private const int AlgorithmVersion = 1;

    private readonly Lazy<State> _state;

    /// <summary>Uses the bundled table and the default SIF parameter.</summary>
    public StaticWordEmbeddingGenerator()
        : this(() => WordVectorTable.Bundled, SifWeighting.DefaultA, PrincipalComponentSource.Table, ContractionHandling.Expand)
    {
    }

    /// <summary>Uses <paramref name="table"/> (for example one written by <c>omnibot embeddings convert</c>).</summary>
    public StaticWordEmbeddingGenerator(WordVectorTable table)
        : this(() => table, SifWeighting.DefaultA, PrincipalComponentSource.Table, ContractionHandling.Expand)
    {
        ArgumentNullException.ThrowIfNull(table);
    }

    /// <summary>The variants measured on the dev split (plain averaging, SIF with or without component removal).</summary>
    /// <param name="table">The word vectors.</param>
    /// <param name="sifA">SIF parameter; null for plain averaging (every word weight 1).</param>
    /// <param name="principalComponent">Which component to remove.</param>
    /// <param name="contractions">Apostrophe handling.</param>
    /// <param name="customComponent">The component when <paramref name="principalComponent"/> is <see cref="PrincipalComponentSource.Custom"/>.</param>
    internal StaticWordEmbeddingGenerator(
        WordVectorTable table, float? sifA, PrincipalComponentSource principalComponent, ContractionHandling contractions, float[]? customComponent = null)
        : this(() => table, sifA, principalComponent, contractions, customComponent)
    {
    }

    private StaticWordEmbeddingGenerator(
        Func<WordVectorTable> table, float? sifA, PrincipalComponentSource principalComponent, ContractionHandling contractions, float[]? customComponent = null)
    {
        if (sifA is { } a && !(a > 0 && float.IsFinite(a)))
        {
            throw new ArgumentOutOfRangeException(nameof(sifA), sifA, "The SIF parameter must be a positive number.");
        }

        _state = new Lazy<State>(() => new State(table(), sifA, principalComponent, contractions, customComponent), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Which principal component is removed from sentence vectors.</summary>
    internal enum PrincipalComponentSource
    {
        None,
        Table,
        Custom,
    }

    /// <summary>Vector length (100 for the bundled table). Loads the table on first use.</summary>
    public int Dimensions => _state.Value.Table.Dimensions;

    /// <summary>Provider, model id and dimensions; the model id changes whenever the table or the algorithm does.</summary>
    public EmbeddingGeneratorMetadata Metadata => _state.Value.Metadata;

    /// <summary>
    /// Embeds one text into <paramref name="destination"/> (at least <see cref="Dimensions"/> long) without allocating.
    /// Returns the number of known words; 0 means the vector is zero.
    /// </summary>
    public int Embed(ReadOnlySpan<char> text, Span<float> destination)
    {
        var state = _state.Value;
        var table = state.Table;
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, table.Dimensions, nameof(destination));
        var accumulator = destination[..table.Dimensions];
        accumulator.Clear();
        var sum = new Accumulator(state, accumulator);
        WordTokenizer.Tokenize(text, state.Contractions, state.IsKnown, ref sum, static (scoped ReadOnlySpan<char> token, ref Accumulator acc) => acc.Add(token));
        if (sum.Known == 0)
        {
            return 0;
        }

        if (state.Component is { } component)
        {
            var projection = TensorPrimitives.Dot(accumulator, component);
            TensorPrimitives.MultiplyAdd(component, -projection, accumulator, accumulator);
        }

        var norm = TensorPrimitives.Norm(accumulator);
        if (norm > 1e-12f)
        {
            TensorPrimitives.Divide(accumulator, norm, accumulator);
        }
        else
        {
            accumulator.Clear();
        }

        return sum.Known;
    }

    /// <summary>Embeds one text into a new array.</summary>
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var vector = new float[Dimensions];
        Embed(text.AsSpan(), vector);
        return vector;
    }

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var modelId = Metadata.DefaultModelId;
        if (options?.ModelId is { } requested && !string.Equals(requested, modelId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"This generator serves model '{modelId}' only; '{requested}' was requested.", nameof(options));
        }

        if (options?.Dimensions is { } dims && dims != Dimensions)
        {
            throw new ArgumentException($"This generator produces {Dimensions}-dimensional vectors; {dims} were requested.", nameof(options));
        }

        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ArgumentNullException.ThrowIfNull(value, nameof(values));
            result.Add(new Embedding<float>(Embed(value)) { ModelId = modelId });
        }

        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(WordVectorTable)
            ? _state.Value.Table
            : EmbeddingGeneratorServices.Get(this, Metadata, serviceType, serviceKey);

    /// <inheritdoc />
    public void Dispose()
    {
        // Nothing to release: the table is shared and managed.
    }

    private ref struct Accumulator(State state, Span<float> sum)
    {
        private readonly Span<float> _sum = sum;

        public int Known { get; private set; }

        public void Add(scoped ReadOnlySpan<char> token)
        {
            if (state.Table.TryGetIndex(token, out var index))
            {
                state.Table.AddScaled(index, state.Weights[index], _sum);
                Known++;
            }
        }
    }

    private sealed class State
    {
        public State(WordVectorTable table, float? sifA, PrincipalComponentSource source, ContractionHandling contractions, float[]? custom)
        {
            ArgumentNullException.ThrowIfNull(table);
            Table = table;
            Contractions = contractions;
            IsKnown = word => table.TryGetIndex(word, out _);
            Weights = sifA is { } a ? SifWeighting.Weights(table, a) : Enumerable.Repeat(1f, table.Count).ToArray();
            Component = source switch
            {
                PrincipalComponentSource.None => null,
                PrincipalComponentSource.Table => table.PrincipalComponent.IsEmpty ? null : table.PrincipalComponent.ToArray(),
                _ => custom ?? throw new ArgumentNullException(nameof(custom), "A custom principal component is required."),
            };
            if (Component is not null && Component.Length != table.Dimensions)
            {
                throw new ArgumentException($"The principal component has {Component.Length} values; the table has {table.Dimensions} dimensions.");
            }

            var weighting = sifA is { } sif ? "sif" + sif.ToString("0.#####E+0", CultureInfo.InvariantCulture) : "mean";
            var removal = Component is null ? "nopc" : source == PrincipalComponentSource.Table ? "pc" : "pcx";
            var modelId = string.Create(CultureInfo.InvariantCulture,
                $"glove{table.Dimensions}-{weighting}-{removal}-v{AlgorithmVersion}{(contractions == ContractionHandling.Expand ? "" : "-" + contractions.ToString().ToLowerInvariant())}+{table.ContentHash[..12]}");
            Metadata = new EmbeddingGeneratorMetadata(ProviderName, providerUri: null, defaultModelId: modelId, defaultModelDimensions: table.Dimensions);
        }

        public WordVectorTable Table { get; }

        public ContractionHandling Contractions { get; }

        public WordTokenizer.KnownWord IsKnown { get; }

        public float[] Weights { get; }

        public float[]? Component { get; }

        public EmbeddingGeneratorMetadata Metadata { get; }
    }
}
