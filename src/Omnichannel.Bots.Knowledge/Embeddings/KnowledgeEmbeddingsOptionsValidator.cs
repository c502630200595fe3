using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Start-up validation of <see cref="KnowledgeEmbeddingsOptions"/>: each failure names the setting
/// (<c>Knowledge:Embeddings:...</c>) and says what is expected.
/// </summary>
internal sealed class KnowledgeEmbeddingsOptionsValidator(IEnumerable<KnowledgeEmbeddingProvider> providers) : IValidateOptions<KnowledgeEmbeddingsOptions>
{
    private const string Prefix = KnowledgeEmbeddingsOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, KnowledgeEmbeddingsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Errors(options, providers.Select(p => p.Name)).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IEnumerable<string> Errors(KnowledgeEmbeddingsOptions options, IEnumerable<string> registered)
    {
        var provider = options.Provider?.Trim().ToLowerInvariant();
        var extra = registered.Select(p => p.ToLowerInvariant()).ToHashSet();
        if (options.BatchSize is < 1 or > 2048)
        {
            yield return $"{Prefix}BatchSize must be between 1 and 2048; it is {options.BatchSize}.";
        }

        switch (provider)
        {
            case KnowledgeEmbeddingsOptions.StaticProvider:
                break;
            case KnowledgeEmbeddingsOptions.OpenAIProvider:
                foreach (var error in ValidateOpenAI(options))
                {
                    yield return error;
                }

                break;
            case KnowledgeEmbeddingsOptions.OnnxProvider:
                foreach (var error in ValidateOnnx(options))
                {
                    yield return error;
                }

                if (!extra.Contains(KnowledgeEmbeddingsOptions.OnnxProvider))
                {
                    yield return $"{Prefix}Provider is 'onnx' but the ONNX provider is not registered: reference Omnichannel.Bots.Knowledge.Onnx and call services.AddKnowledgeOnnxEmbeddings().";
                }

                break;
            case KnowledgeEmbeddingsOptions.NeuralProvider:
                if (options.MaxSequenceLength is < 3 or > 512)
                {
                    yield return $"{Prefix}MaxSequenceLength must be between 3 and 512 when {Prefix}Provider is 'neural' (the model's positions); it is {options.MaxSequenceLength}.";
                }

                if (!extra.Contains(KnowledgeEmbeddingsOptions.NeuralProvider))
                {
                    yield return $"{Prefix}Provider is 'neural' but the neural provider is not registered: reference Omnichannel.Bots.Knowledge.Neural and call services.AddKnowledgeNeuralEmbeddings().";
                }

                break;
            default:
                if (provider is null || !extra.Contains(provider))
                {
                    yield return $"{Prefix}Provider must be 'static', 'openai', 'onnx' or 'neural'; it is '{options.Provider}'.";
                }

                break;
        }
    }

    /// <summary>The OpenAI-compatible provider's settings.</summary>
    public static IEnumerable<string> ValidateOpenAI(KnowledgeEmbeddingsOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Endpoint))
        {
            yield return $"{Prefix}Endpoint is required when {Prefix}Provider is 'openai' (the API base URL, for example https://api.openai.com/v1).";
        }
        else if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"{Prefix}Endpoint must be an absolute http(s) URL; it is '{options.Endpoint}'.";
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            yield return $"{Prefix}ApiKey is required when {Prefix}Provider is 'openai'.";
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            yield return $"{Prefix}Model is required when {Prefix}Provider is 'openai' (for example text-embedding-3-small).";
        }

        if (options.Dimensions is < 1)
        {
            yield return $"{Prefix}Dimensions must be positive when set; it is {options.Dimensions}.";
        }

        if (options.BatchSize is < 1 or > 2048)
        {
            yield return $"{Prefix}BatchSize must be between 1 and 2048; it is {options.BatchSize}.";
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            yield return $"{Prefix}Timeout must be positive; it is {options.Timeout}.";
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            yield return $"{Prefix}MaxRetries must be between 0 and 10; it is {options.MaxRetries}.";
        }
    }

    /// <summary>The ONNX provider's settings (paths must already be resolved against the content root).</summary>
    public static IEnumerable<string> ValidateOnnx(KnowledgeEmbeddingsOptions options)
    {
        foreach (var (key, path, what) in new[] { ("ModelPath", options.ModelPath, "model.onnx"), ("VocabPath", options.VocabPath, "vocab.txt") })
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                yield return $"{Prefix}{key} is required when {Prefix}Provider is 'onnx' (the path of the model's {what}).";
            }
            else if (!File.Exists(path))
            {
                yield return $"{Prefix}{key}: file not found: {path}";
            }
        }

        if (options.MaxSequenceLength is < 3 or > 8192)
        {
            yield return $"{Prefix}MaxSequenceLength must be between 3 and 8192; it is {options.MaxSequenceLength}.";
        }
    }
}
