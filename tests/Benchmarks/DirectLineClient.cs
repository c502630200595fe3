using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Benchmarks;

/// <summary>
/// The HTTP half of a Direct Line 3.0 client, as Web Chat uses it: start a conversation with the secret (its id,
/// token and stream URL), post a customer's message with the conversation's token. Keep-alive connections are
/// pooled without a cap, so each conversation in flight can have one, as each browser would.
/// </summary>
public sealed class DirectLineClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _secret;

    public DirectLineClient(Uri baseUrl, string secret)
    {
        _secret = secret;
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public Uri BaseUrl => _http.BaseAddress!;

    public async Task<StartedConversation> StartConversationAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _secret);
        using var response = await _http.SendAsync(request, cancellationToken);
        await ThrowUnlessSuccessAsync(response, "starting a conversation", cancellationToken);
        var body = await response.Content.ReadFromJsonAsync(DirectLineJson.Default.ConversationBody, cancellationToken)
            ?? throw new DirectLineException("Starting a conversation returned no body.");
        return new StartedConversation(body.ConversationId, body.Token, new Uri(body.StreamUrl));
    }

    /// <summary>Posts a customer's message; returns once the server stored it (its echo may already be on the stream).</summary>
    public async Task PostMessageAsync(StartedConversation conversation, string text, string clientActivityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation.Id}/activities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
        var activity = new OutgoingActivity("message", new OutgoingSender("bench-customer"), text, new OutgoingChannelData(clientActivityId));
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(activity, DirectLineJson.Default.OutgoingActivity))
        {
            Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
        };
        using var response = await _http.SendAsync(request, cancellationToken);
        await ThrowUnlessSuccessAsync(response, $"posting '{text}'", cancellationToken);
    }

    /// <summary>Connects the conversation's WebSocket stream.</summary>
    public static async Task<ClientWebSocket> ConnectStreamAsync(StartedConversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(conversation.StreamUrl, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();

    private static async Task ThrowUnlessSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new DirectLineException($"{what}: HTTP {(int)response.StatusCode} {(response.StatusCode is HttpStatusCode code ? code.ToString() : string.Empty)} {body}".TrimEnd());
    }
}

/// <summary>A conversation as <c>POST /v3/directline/conversations</c> returned it.</summary>
public sealed record StartedConversation(string Id, string Token, Uri StreamUrl);

/// <summary>The server refused or failed a Direct Line request.</summary>
public sealed class DirectLineException(string message) : Exception(message);

internal sealed record ConversationBody(string ConversationId, string Token, string StreamUrl);

internal sealed record OutgoingActivity(string Type, OutgoingSender From, string Text, OutgoingChannelData ChannelData);

internal sealed record OutgoingSender(string Id);

internal sealed record OutgoingChannelData([property: JsonPropertyName("clientActivityID")] string ClientActivityId);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ConversationBody))]
[JsonSerializable(typeof(OutgoingActivity))]
internal sealed partial class DirectLineJson : JsonSerializerContext;
