using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly.Timeout;

namespace Omnichannel.Bots.Knowledge.Qdrant;

/// <summary>
/// Sends one Qdrant REST call and returns its <c>result</c>. Every failure (unreachable server, timeout, rejected API
/// key, missing collection, error status, a body that is not the documented JSON) becomes a
/// <see cref="KnowledgeUnavailableException"/> whose message names the setting to check. Retries and per-attempt
/// timeouts are the HttpClient's resilience handler's job (see <see cref="QdrantServiceCollectionExtensions"/>).
/// </summary>
internal sealed class QdrantRestClient
{
    private readonly HttpClient _http;
    private readonly QdrantOptions _options;

    public QdrantRestClient(HttpClient http, QdrantOptions options)
    {
        _http = http;
        _options = options;
    }

    public string Endpoint => _http.BaseAddress?.ToString() ?? _options.Url ?? "(no Knowledge:Qdrant:Url)";

    /// <summary>Sends the call; returns the response's <c>result</c>, or null when <paramref name="notFoundIsNull"/> and the answer is 404.</summary>
    public async Task<JsonElement?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken, bool notFoundIsNull = false)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        if (!string.IsNullOrEmpty(_options.ApiKey))
        {
            request.Headers.TryAddWithoutValidation("api-key", _options.ApiKey);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is TimeoutRejectedException or TaskCanceledException or TimeoutException)
        {
            throw new KnowledgeUnavailableException(
                string.Create(CultureInfo.InvariantCulture, $"Qdrant at {Endpoint} did not answer {method} /{path} within {_options.Timeout.TotalSeconds:0.###} s (Knowledge:Qdrant:Timeout), after {_options.MaxRetries} retries."),
                exception);
        }
        catch (HttpRequestException exception)
        {
            throw new KnowledgeUnavailableException(
                $"Qdrant at {Endpoint} is unreachable (Knowledge:Qdrant:Url): {exception.Message}", exception);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return ParseResult(method, path, text);
            }

            if (notFoundIsNull && response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            throw Failure(method, path, response.StatusCode, ErrorText(text));
        }
    }

    private KnowledgeUnavailableException Failure(HttpMethod method, string path, HttpStatusCode status, string error)
    {
        var code = (int)status;
        var message = status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                $"Qdrant at {Endpoint} rejected the API key ({code} to {method} /{path}): check Knowledge:Qdrant:ApiKey. {error}",
            HttpStatusCode.NotFound =>
                $"Qdrant at {Endpoint} answered 404 to {method} /{path}: the collection or alias '{_options.Collection}' does not exist (Knowledge:Qdrant:Collection; the store creates it when it opens). {error}",
            _ => $"Qdrant at {Endpoint} answered {code} to {method} /{path}. {error}",
        };
        return new KnowledgeUnavailableException(message.TrimEnd());
    }

    private JsonElement ParseResult(HttpMethod method, string path, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("result", out var result))
            {
                throw new KnowledgeUnavailableException($"Qdrant at {Endpoint} answered {method} /{path} without a 'result' object: {Excerpt(text)}");
            }

            return result.Clone();
        }
        catch (JsonException exception)
        {
            throw new KnowledgeUnavailableException(
                $"Qdrant at {Endpoint} answered {method} /{path} with a body that is not JSON (is Knowledge:Qdrant:Url a Qdrant server?): {Excerpt(text)}", exception);
        }
    }

    private static string ErrorText(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("status", out var status)
                && status.ValueKind == JsonValueKind.Object
                && status.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String)
            {
                return "Qdrant says: " + error.GetString();
            }
        }
        catch (JsonException)
        {
            // Not Qdrant's error shape: quote the body instead.
        }

        return text.Length == 0 ? string.Empty : "Body: " + Excerpt(text);
    }

    private static string Excerpt(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "…");
}
