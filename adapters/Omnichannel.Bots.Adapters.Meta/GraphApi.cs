using System.Net.Http.Headers;
using System.Text.Json;

namespace Omnichannel.Bots.Adapters.Meta;

/// <summary>
/// The Graph API on <see cref="HttpClient"/> (no Meta SDK): JSON calls to <c>{GraphApiBaseUrl}/{GraphApiVersion}/{path}</c>
/// with the channel's token as a bearer header (never in the URL, so request logs do not carry it), and media downloads
/// from the URLs Meta returns. A refusal throws <see cref="GraphApiException"/> with Meta's error object; a call that
/// gets no answer throws one without.
/// </summary>
public sealed class GraphApi
{
    /// <summary>The name of the <see cref="IHttpClientFactory"/> client the Meta channels use.</summary>
    public const string HttpClientName = "Omnichannel.Bots.Adapters.Meta.GraphApi";

    private readonly IHttpClientFactory _http;

    public GraphApi(IHttpClientFactory http)
    {
        _http = http;
    }

    /// <summary>POSTs <paramref name="body"/> (UTF-8 JSON) to <paramref name="path"/> and returns Meta's JSON answer (the caller disposes it).</summary>
    public Task<JsonDocument> PostAsync(MetaChannelOptions options, string path, string accessToken, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, Url(options, path)) { Content = content }, accessToken, cancellationToken);
    }

    /// <summary>GETs <paramref name="path"/> and returns Meta's JSON answer (the caller disposes it).</summary>
    public Task<JsonDocument> GetAsync(MetaChannelOptions options, string path, string accessToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return SendAsync(new HttpRequestMessage(HttpMethod.Get, Url(options, path)), accessToken, cancellationToken);
    }

    /// <summary>
    /// Starts downloading <paramref name="url"/> (a media URL Meta returned; it needs the same token) and returns the
    /// response with its body unread (the caller disposes it).
    /// </summary>
    public async Task<HttpResponseMessage> DownloadAsync(Uri url, string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        HttpResponseMessage response;
        try
        {
            response = await _http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new GraphApiException($"The media download from {url.Host} got no answer: {ex.Message}", error: null, ex);
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
                throw new GraphApiException($"The media download was refused: {error}", error);
            }
        }

        return response;
    }

    /// <summary>The absolute URL of <paramref name="path"/> under the configured base and version.</summary>
    public static Uri Url(MetaChannelOptions options, string path)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = options.GraphApiBaseUrl.AbsoluteUri.TrimEnd('/');
        return new Uri($"{root}/{options.GraphApiVersion}/{path.TrimStart('/')}");
    }

    private async Task<JsonDocument> SendAsync(HttpRequestMessage request, string accessToken, CancellationToken cancellationToken)
    {
        using (request)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            HttpResponseMessage response;
            try
            {
                response = await _http.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw new GraphApiException($"The Graph API ({request.RequestUri!.Host}) got no answer: {ex.Message}", error: null, ex);
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
                    throw new GraphApiException($"The Graph API refused {request.Method} {request.RequestUri!.AbsolutePath}: {error}", error);
                }

                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    return JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body);
                }
                catch (JsonException ex)
                {
                    throw new GraphApiException($"The Graph API answered {request.Method} {request.RequestUri!.AbsolutePath} with a body that is not JSON: {ex.Message}", new GraphApiError((int)response.StatusCode, null, null, "The answer is not JSON."), ex);
                }
            }
        }
    }

    /// <summary>Meta's error object from a refusal, or one made of the HTTP status when the body has none.</summary>
    internal static async Task<GraphApiError> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var fallback = new GraphApiError(status, null, null, response.ReasonPhrase ?? "no reason given");
        byte[] body;
        try
        {
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return fallback;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return fallback;
            }

            return new GraphApiError(status, Int(error, "code"), Int(error, "error_subcode"), Text(error, "message") ?? fallback.Message)
            {
                Details = error.TryGetProperty("error_data", out var data) && data.ValueKind == JsonValueKind.Object ? Text(data, "details") : null,
                TraceId = Text(error, "fbtrace_id"),
                IsTransient = error.TryGetProperty("is_transient", out var transient) && transient.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? transient.GetBoolean()
                    : null,
            };
        }
        catch (JsonException)
        {
            return fallback;
        }
    }

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
