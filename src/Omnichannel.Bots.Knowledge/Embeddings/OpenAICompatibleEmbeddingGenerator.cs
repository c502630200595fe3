using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Embeddings from any OpenAI-compatible <c>POST {Endpoint}/embeddings</c> (OpenAI, Azure OpenAI's v1 API, Ollama,
/// vLLM, LM Studio, ...) through Microsoft.Extensions.AI.OpenAI. Inputs are sent in batches of at most
/// <see cref="KnowledgeEmbeddingsOptions.BatchSize"/>; failures become <see cref="EmbeddingServiceException"/> with a
/// message that names the setting to check (a 401 says the API key was rejected).
/// </summary>
public sealed class OpenAICompatibleEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The provider name reported in <see cref="EmbeddingGeneratorMetadata"/>.</summary>
    public const string ProviderName = "openai";

    private readonly IEmbeddingGenerator<string, Embedding<float>> _inner;
    private readonly Uri _endpoint;
    private readonly int _batchSize;
    private readonly int? _dimensions;
    private readonly TimeSpan _timeout;

    /// <summary>Creates the generator from validated options (<see cref="KnowledgeEmbeddingsOptions"/>).</summary>
    /// <param name="options">Endpoint, ApiKey, Model, optional Dimensions, BatchSize, Timeout and MaxRetries.</param>
    /// <param name="transport">Optional HTTP client (for example one from <c>IHttpClientFactory</c>); the SDK's own otherwise.</param>
    public OpenAICompatibleEmbeddingGenerator(KnowledgeEmbeddingsOptions options, HttpClient? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = KnowledgeEmbeddingsOptionsValidator.ValidateOpenAI(options).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _endpoint = new Uri(options.Endpoint!, UriKind.Absolute);
        _batchSize = options.BatchSize;
        _dimensions = options.Dimensions;
        _timeout = options.Timeout;
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = _endpoint,
            NetworkTimeout = options.Timeout,
            RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
        };
        if (transport is not null)
        {
            clientOptions.Transport = new HttpClientPipelineTransport(transport);
        }

        var client = new OpenAIClient(new ApiKeyCredential(options.ApiKey!), clientOptions);
        _inner = client.GetEmbeddingClient(options.Model!).AsIEmbeddingGenerator(options.Dimensions);
        var modelId = options.Dimensions is { } dims ? string.Create(CultureInfo.InvariantCulture, $"{options.Model}@{dims}") : options.Model!;
        Metadata = new EmbeddingGeneratorMetadata(ProviderName, _endpoint, modelId, options.Dimensions);
    }

    /// <summary>Provider, endpoint, model id (the model name, with <c>@dimensions</c> when shortened) and dimensions.</summary>
    public EmbeddingGeneratorMetadata Metadata { get; }

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
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

        var result = new GeneratedEmbeddings<Embedding<float>>(inputs.Count);
        long inputTokens = 0, totalTokens = 0;
        var sawUsage = false;
        for (var start = 0; start < inputs.Count; start += _batchSize)
        {
            var batch = inputs.GetRange(start, Math.Min(_batchSize, inputs.Count - start));
            var embeddings = await SendAsync(batch, options, cancellationToken).ConfigureAwait(false);
            Check(embeddings, batch.Count, result.Count > 0 ? result[0].Vector.Length : null);
            result.AddRange(embeddings);
            if (embeddings.Usage is { } usage)
            {
                sawUsage = true;
                inputTokens += usage.InputTokenCount ?? 0;
                totalTokens += usage.TotalTokenCount ?? 0;
            }
        }

        if (sawUsage)
        {
            result.Usage = new UsageDetails { InputTokenCount = inputTokens, TotalTokenCount = totalTokens };
        }

        return result;
    }

    private async Task<GeneratedEmbeddings<Embedding<float>>> SendAsync(
        List<string> batch, EmbeddingGenerationOptions? options, CancellationToken cancellationToken)
    {
        try
        {
            return await _inner.GenerateAsync(batch, options, cancellationToken).ConfigureAwait(false);
        }
        catch (ClientResultException ex) when (ex.Status == 401)
        {
            throw new EmbeddingServiceException(
                $"Knowledge:Embeddings:ApiKey was rejected by {_endpoint} (HTTP 401). Check the key and that it may use the embeddings API.",
                isTransient: false, 401, ex);
        }
        catch (ClientResultException ex) when (ex.Status == 0)
        {
            throw Unreachable(ex.InnerException ?? ex);
        }
        catch (ClientResultException ex)
        {
            var transient = ex.Status is 408 or 429 or >= 500;
            var hint = ex.Status is 404 ? " Check Knowledge:Embeddings:Endpoint (it includes the version segment, like https://api.openai.com/v1) and Knowledge:Embeddings:Model." : "";
            throw new EmbeddingServiceException(
                $"The embeddings endpoint {_endpoint} answered HTTP {ex.Status}: {Shorten(ex.Message)}.{hint}", transient, ex.Status, ex);
        }
        catch (HttpRequestException ex)
        {
            throw Unreachable(ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EmbeddingServiceException(
                $"The embeddings endpoint {_endpoint} did not answer within {_timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (Knowledge:Embeddings:Timeout).",
                isTransient: true, innerException: ex);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException or NullReferenceException)
        {
            throw Malformed(ex.Message, ex);
        }
    }

    private void Check(GeneratedEmbeddings<Embedding<float>> embeddings, int expected, int? previousLength)
    {
        if (embeddings.Count != expected)
        {
            throw Malformed($"{expected} inputs were sent but {embeddings.Count} embeddings came back", null);
        }

        var length = previousLength ?? _dimensions ?? embeddings[0].Vector.Length;
        foreach (var embedding in embeddings)
        {
            if (embedding.Vector.Length == 0 || embedding.Vector.Length != length)
            {
                throw Malformed($"an embedding has {embedding.Vector.Length} values where {length} were expected", null);
            }

            foreach (var value in embedding.Vector.Span)
            {
                if (!float.IsFinite(value))
                {
                    throw Malformed("an embedding contains a value that is not a finite number", null);
                }
            }
        }
    }

    private EmbeddingServiceException Unreachable(Exception ex) => new(
        $"Could not reach the embeddings endpoint {_endpoint} (Knowledge:Embeddings:Endpoint): {Shorten(ex.Message)}", isTransient: true, innerException: ex);

    private EmbeddingServiceException Malformed(string detail, Exception? ex) => new(
        $"The embeddings endpoint {_endpoint} answered with something that is not an OpenAI embeddings response: {Shorten(detail)}", isTransient: false, innerException: ex);

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 300 ? line : line[..300] + "…";
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        EmbeddingGeneratorServices.Get(this, Metadata, serviceType, serviceKey);

    /// <inheritdoc />
    public void Dispose() => _inner.Dispose();
}
