namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// <c>Knowledge:Embeddings</c>: which embedding generator the knowledge layer uses. <c>static</c> (the default) needs
/// nothing; <c>openai</c> needs <see cref="Endpoint"/>, <see cref="ApiKey"/> and <see cref="Model"/>; <c>onnx</c>
/// needs <see cref="ModelPath"/> and <see cref="VocabPath"/> (and the Omnichannel.Bots.Knowledge.Onnx package);
/// <c>neural</c> needs the Omnichannel.Bots.Knowledge.Neural package.
/// Validated at start-up; every message names the setting.
/// </summary>
public sealed class KnowledgeEmbeddingsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Knowledge:Embeddings";

    /// <summary>The bundled GloVe word vectors with SIF (offline, no settings).</summary>
    public const string StaticProvider = "static";

    /// <summary>Any OpenAI-compatible <c>POST {Endpoint}/embeddings</c>.</summary>
    public const string OpenAIProvider = "openai";

    /// <summary>A sentence-transformer ONNX model with its WordPiece vocabulary.</summary>
    public const string OnnxProvider = "onnx";

    /// <summary>The bundled all-MiniLM-L6-v2 sentence model, run through the ONNX embedder (Omnichannel.Bots.Knowledge.Neural).</summary>
    public const string NeuralProvider = "neural";

    /// <summary><c>static</c> (default), <c>openai</c>, <c>onnx</c> or <c>neural</c> (case-insensitive).</summary>
    public string Provider { get; set; } = StaticProvider;

    /// <summary>openai: the API base URL including its version segment, for example <c>https://api.openai.com/v1</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>openai: the API key (sent as <c>Authorization: Bearer</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>openai: the embedding model, for example <c>text-embedding-3-small</c>.</summary>
    public string? Model { get; set; }

    /// <summary>openai: the requested vector length (models that support shortening); null for the model's own.</summary>
    public int? Dimensions { get; set; }

    /// <summary>onnx: path of <c>model.onnx</c> (relative paths resolve against the content root).</summary>
    public string? ModelPath { get; set; }

    /// <summary>onnx: path of the model's WordPiece <c>vocab.txt</c>.</summary>
    public string? VocabPath { get; set; }

    /// <summary>onnx, neural: word pieces per text including [CLS] and [SEP]; longer texts are truncated (default 256).</summary>
    public int MaxSequenceLength { get; set; } = 256;

    /// <summary>onnx: whether the tokenizer lower-cases (uncased models, the default) .</summary>
    public bool LowerCase { get; set; } = true;

    /// <summary>Texts per request (openai) or per inference batch (onnx, neural); default 64.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>openai: time allowed for one request (default 30 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>openai: retries of a failed request (429, 5xx, network) with back-off (default 2).</summary>
    public int MaxRetries { get; set; } = 2;
}
