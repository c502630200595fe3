using System.Globalization;
using System.Numerics.Tensors;
using System.Security.Cryptography;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Embeddings from a sentence-transformer exported to ONNX (<c>model.onnx</c>) with its WordPiece <c>vocab.txt</c>:
/// BERT tokenization ([CLS] text [SEP], truncated to <see cref="KnowledgeEmbeddingsOptions.MaxSequenceLength"/>),
/// batched inference with ONNX Runtime feeding only the inputs the model declares (<c>input_ids</c>,
/// <c>attention_mask</c>, <c>token_type_ids</c>), mean pooling of <c>last_hidden_state</c> (or the first
/// [batch, sequence, dimension] output) over the attention mask, or the model's own [batch, dimension] output when it
/// has no token-level one, then L2 normalisation.
/// </summary>
/// <remarks>Thread-safe (ONNX Runtime sessions may run concurrently). A text whose pooled vector is zero stays zero.</remarks>
public sealed class OnnxSentenceEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The provider name reported in <see cref="EmbeddingGeneratorMetadata"/>.</summary>
    public const string ProviderName = "onnx";

    /// <summary>
    /// The tokenization's version, part of every model id: 2 is BERT's basic tokenization (symbols such as
    /// <c>$ + = &gt;</c> kept as pieces, accents stripped for uncased models; <see cref="BertBasicTokenization"/>); 1
    /// (ids without a <c>-t</c> suffix) dropped symbols and turned accented words into [UNK]. A change re-indexes.
    /// </summary>
    public const int TokenizerVersion = 2;

    private static readonly string[] KnownInputs = ["input_ids", "attention_mask", "token_type_ids"];

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly int _maxSequenceLength;
    private readonly int _batchSize;
    private readonly string[] _inputs;
    private readonly Dictionary<string, bool> _inputIsInt64;
    private readonly string _output;
    private readonly bool _outputIsPooled;
    private int _dimensions;

    /// <summary>Loads the model and vocabulary named by <see cref="KnowledgeEmbeddingsOptions.ModelPath"/> and <see cref="KnowledgeEmbeddingsOptions.VocabPath"/>.</summary>
    /// <exception cref="ArgumentException">A setting is missing or invalid, or the model's inputs/outputs are not a sentence-transformer's.</exception>
    public OnnxSentenceEmbeddingGenerator(KnowledgeEmbeddingsOptions options)
        : this(Validated(options), () => new InferenceSession(options.ModelPath!), () => File.OpenRead(options.VocabPath!), ProviderName,
            string.Create(CultureInfo.InvariantCulture,
                $"onnx-{Path.GetFileNameWithoutExtension(options.ModelPath)}+{Hash(options.ModelPath!)}-{Hash(options.VocabPath!)}-L{options.MaxSequenceLength}{(options.LowerCase ? "" : "-cased")}-t{TokenizerVersion}"),
            new Uri(Path.GetFullPath(options.ModelPath!)), $"{KnowledgeEmbeddingsOptions.SectionName}:ModelPath {options.ModelPath}", $"{KnowledgeEmbeddingsOptions.SectionName}:VocabPath {options.VocabPath}", ownsVocab: true)
    {
    }

    /// <summary>
    /// Runs a model given as bytes with its vocabulary (a model carried inside a package rather than in files); the
    /// same tokenization, inference and pooling as the file-based constructor.
    /// </summary>
    /// <param name="options">MaxSequenceLength, BatchSize and LowerCase are used; the paths are not.</param>
    /// <param name="model">The ONNX model's bytes.</param>
    /// <param name="vocab">The WordPiece vocabulary (one piece per line); read here, not disposed.</param>
    /// <param name="providerName">The provider name reported in <see cref="Metadata"/>.</param>
    /// <param name="modelId">The model id stored with each vector: it must change whenever the vectors would (model, tokenizer version, settings), so that a change re-indexes.</param>
    /// <param name="source">Where the model came from, for <see cref="EmbeddingGeneratorMetadata.ProviderUri"/>.</param>
    /// <exception cref="ArgumentException">A setting is invalid, or the model's inputs/outputs are not a sentence-transformer's.</exception>
    public OnnxSentenceEmbeddingGenerator(KnowledgeEmbeddingsOptions options, byte[] model, Stream vocab, string providerName, string modelId, Uri? source)
        : this(ValidatedSettings(options, model, vocab), () => new InferenceSession(model), () => vocab, providerName, modelId, source, $"The {providerName} model", $"The {providerName} vocabulary", ownsVocab: false)
    {
    }

    private OnnxSentenceEmbeddingGenerator(
        KnowledgeEmbeddingsOptions options, Func<InferenceSession> model, Func<Stream> vocab, string providerName, string modelId, Uri? source, string modelLabel, string vocabLabel, bool ownsVocab)
    {
        _maxSequenceLength = options.MaxSequenceLength;
        _batchSize = options.BatchSize;
        try
        {
            var vocabStream = vocab();
            try
            {
                _tokenizer = BertBasicTokenization.Create(vocabStream, options.LowerCase);
            }
            finally
            {
                if (ownsVocab)
                {
                    vocabStream.Dispose();
                }
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or IOException)
        {
            throw new ArgumentException($"{vocabLabel} is not a WordPiece vocabulary: {ex.Message}", nameof(vocab), ex);
        }

        try
        {
            _session = model();
        }
        catch (OnnxRuntimeException ex)
        {
            throw new ArgumentException($"{modelLabel} could not be loaded by ONNX Runtime: {ex.Message}", nameof(model), ex);
        }

        try
        {
            (_inputs, _inputIsInt64) = ReadInputs(_session, modelLabel);
            (_output, _outputIsPooled, _dimensions) = ReadOutput(_session, modelLabel);
        }
        catch
        {
            _session.Dispose();
            throw;
        }

        Metadata = new EmbeddingGeneratorMetadata(providerName, source, modelId, _dimensions > 0 ? _dimensions : null);
    }

    /// <summary>Provider, model source and model id (onnx: file name, content hashes of model and vocabulary, settings and tokenizer version).</summary>
    public EmbeddingGeneratorMetadata Metadata { get; private set; }

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var inputs = values.ToList();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i] is null)
            {
                throw new ArgumentException($"Input {i} is null.", nameof(values));
            }
        }

        // Texts of similar length share a batch so that little of it is padding (which costs as much as text): they
        // are embedded shortest first and the vectors put back in input order.
        var order = Enumerable.Range(0, inputs.Count).OrderBy(i => inputs[i].Length).ToArray();
        var vectors = new float[inputs.Count][];
        for (var start = 0; start < order.Length; start += _batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var positions = order.AsSpan(start, Math.Min(_batchSize, order.Length - start)).ToArray();
            var embedded = EmbedBatch(positions.Select(i => inputs[i]).ToList());
            for (var k = 0; k < positions.Length; k++)
            {
                vectors[positions[k]] = embedded[k];
            }
        }

        var result = new GeneratedEmbeddings<Embedding<float>>(inputs.Count);
        result.AddRange(vectors.Select(vector => new Embedding<float>(vector) { ModelId = Metadata.DefaultModelId }));
        return Task.FromResult(result);
    }

    private static KnowledgeEmbeddingsOptions Validated(KnowledgeEmbeddingsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = KnowledgeEmbeddingsOptionsValidator.ValidateOnnx(options).Concat(SettingErrors(options)).ToList();
        return errors.Count > 0 ? throw new ArgumentException(string.Join(" ", errors), nameof(options)) : options;
    }

    private static KnowledgeEmbeddingsOptions ValidatedSettings(KnowledgeEmbeddingsOptions options, byte[] model, Stream vocab)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(vocab);
        var errors = SettingErrors(options).ToList();
        if (options.MaxSequenceLength is < 3 or > 8192)
        {
            errors.Add($"{KnowledgeEmbeddingsOptions.SectionName}:MaxSequenceLength must be between 3 and 8192; it is {options.MaxSequenceLength}.");
        }

        return errors.Count > 0 ? throw new ArgumentException(string.Join(" ", errors), nameof(options)) : options;
    }

    private static IEnumerable<string> SettingErrors(KnowledgeEmbeddingsOptions options)
    {
        if (options.BatchSize is < 1 or > 2048)
        {
            yield return $"{KnowledgeEmbeddingsOptions.SectionName}:BatchSize must be between 1 and 2048; it is {options.BatchSize}.";
        }
    }

    private float[][] EmbedBatch(List<string> texts)
    {
        var ids = new List<int[]>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            var pieces = _tokenizer.EncodeToIds(texts[i], _maxSequenceLength - 2, addSpecialTokens: false, out _, out _);
            var row = new int[pieces.Count + 2];
            row[0] = _tokenizer.ClassificationTokenId;
            for (var p = 0; p < pieces.Count; p++)
            {
                row[p + 1] = pieces[p];
            }

            row[^1] = _tokenizer.SeparatorTokenId;
            ids.Add(row);
        }

        var batch = ids.Count;
        var length = ids.Max(r => r.Length);
        var inputIds = new long[batch * length];
        var mask = new long[batch * length];
        for (var b = 0; b < batch; b++)
        {
            for (var t = 0; t < length; t++)
            {
                var present = t < ids[b].Length;
                inputIds[(b * length) + t] = present ? ids[b][t] : _tokenizer.PaddingTokenId;
                mask[(b * length) + t] = present ? 1 : 0;
            }
        }

        long[] shape = [batch, length];
        var values = new List<OrtValue>(_inputs.Length);
        try
        {
            foreach (var name in _inputs)
            {
                var data = name switch
                {
                    "input_ids" => inputIds,
                    "attention_mask" => mask,
                    _ => new long[batch * length], // token_type_ids: one segment
                };
                values.Add(_inputIsInt64[name]
                    ? OrtValue.CreateTensorValueFromMemory(data, shape)
                    : OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(data, v => (int)v), shape));
            }

            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, _inputs, values, [_output]);
            return Pool(outputs[0], mask, batch, length);
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
    }

    private float[][] Pool(OrtValue output, long[] mask, int batch, int length)
    {
        var info = output.GetTensorTypeAndShape();
        var shape = info.Shape;
        var data = output.GetTensorDataAsSpan<float>();
        var dims = (int)shape[^1];
        var expectedRank = _outputIsPooled ? 2 : 3;
        if (shape.Length != expectedRank || shape[0] != batch || (!_outputIsPooled && shape[1] != length) || dims < 1)
        {
            throw new InvalidOperationException(
                $"The model's output '{_output}' has shape [{string.Join(", ", shape)}]; expected [{batch}, {(_outputIsPooled ? "" : length + ", ")}dimension].");
        }

        if (_dimensions <= 0)
        {
            _dimensions = dims;
            Metadata = new EmbeddingGeneratorMetadata(Metadata.ProviderName, Metadata.ProviderUri, Metadata.DefaultModelId, dims);
        }

        var vectors = new float[batch][];
        for (var b = 0; b < batch; b++)
        {
            var vector = new float[dims];
            if (_outputIsPooled)
            {
                data.Slice(b * dims, dims).CopyTo(vector);
            }
            else
            {
                var count = 0;
                for (var t = 0; t < length; t++)
                {
                    if (mask[(b * length) + t] != 0)
                    {
                        TensorPrimitives.Add(vector, data.Slice(((b * length) + t) * dims, dims), vector);
                        count++;
                    }
                }

                if (count > 0)
                {
                    TensorPrimitives.Divide(vector, count, vector);
                }
            }

            var norm = TensorPrimitives.Norm(vector);
            if (norm > 1e-12f)
            {
                TensorPrimitives.Divide(vector, norm, vector);
            }
            else
            {
                Array.Clear(vector);
            }

            vectors[b] = vector;
        }

        return vectors;
    }

    private static (string[] Inputs, Dictionary<string, bool> IsInt64) ReadInputs(InferenceSession session, string label)
    {
        var declared = session.InputMetadata;
        var unknown = declared.Keys.Where(k => !KnownInputs.Contains(k, StringComparer.Ordinal)).ToList();
        if (!declared.ContainsKey("input_ids") || unknown.Count > 0)
        {
            throw new ArgumentException(
                $"{label} declares inputs [{string.Join(", ", declared.Keys)}]; a sentence-transformer takes input_ids and optionally attention_mask and token_type_ids.");
        }

        var types = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (name, meta) in declared)
        {
            if (meta.ElementType != typeof(long) && meta.ElementType != typeof(int))
            {
                throw new ArgumentException($"{label}: input '{name}' is {meta.ElementType.Name}; expected int64 or int32.");
            }

            types[name] = meta.ElementType == typeof(long);
        }

        return (KnownInputs.Where(declared.ContainsKey).ToArray(), types);
    }

    private static (string Name, bool Pooled, int Dimensions) ReadOutput(InferenceSession session, string label)
    {
        var outputs = session.OutputMetadata.Where(o => o.Value.ElementType == typeof(float)).ToList();
        var tokenLevel = outputs.FirstOrDefault(o => o.Key == "last_hidden_state" && o.Value.Dimensions.Length == 3);
        if (tokenLevel.Key is null)
        {
            tokenLevel = outputs.FirstOrDefault(o => o.Value.Dimensions.Length == 3);
        }

        if (tokenLevel.Key is not null)
        {
            return (tokenLevel.Key, false, tokenLevel.Value.Dimensions[2]);
        }

        var pooled = outputs.FirstOrDefault(o => o.Value.Dimensions.Length == 2);
        if (pooled.Key is not null)
        {
            return (pooled.Key, true, pooled.Value.Dimensions[1]);
        }

        throw new ArgumentException(
            $"{label} has no float output of shape [batch, sequence, dimension] or [batch, dimension] (outputs: {string.Join(", ", session.OutputMetadata.Select(o => $"{o.Key} [{string.Join(", ", o.Value.Dimensions)}]"))}).");
    }

    private static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        EmbeddingGeneratorServices.Get(this, Metadata, serviceType, serviceKey);

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}
