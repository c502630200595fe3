using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Adapters.Meta.Testing;

/// <summary>
/// A local stand-in for Meta's Graph API on Kestrel (127.0.0.1, a free port): point <c>GraphApiBaseUrl</c> at
/// <see cref="BaseUrl"/>. It records every call and answers as the Graph API documents: a send to
/// <c>/{version}/{phone-number-id}/messages</c> (WhatsApp: <c>{"messaging_product", "contacts", "messages": [{"id": "wamid…"}]}</c>,
/// or <c>{"success": true}</c> for mark-as-read) or to <c>/{version}/me/messages</c> (Messenger:
/// <c>{"recipient_id", "message_id": "m_…"}</c>, or <c>{"recipient_id"}</c> for a sender action); a media id
/// (<c>GET /{version}/{media-id}</c>: <c>url</c>, <c>mime_type</c>, <c>sha256</c>, <c>file_size</c>) and the download
/// behind its URL, both only with the right bearer token; a CDN download (<c>GET /cdn/{id}</c>, <see cref="CdnUrl"/>: no
/// token, as Messenger's attachment URLs); a scripted error in Meta's error shape (<see cref="FailNext"/>);
/// 401 with code 190 for any other token. Results against it are contract checks, not conformance with the real service.
/// </summary>
public sealed class FakeGraphApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _token;
    private readonly ConcurrentQueue<GraphApiRequest> _requests = new();
    private readonly ConcurrentQueue<GraphApiFailure> _failures = new();
    private readonly ConcurrentQueue<GraphApiFailure> _messageFailures = new();
    private readonly ConcurrentDictionary<string, (byte[] Bytes, string MimeType)> _media = new(StringComparer.Ordinal);
    private int _lastId;

    private FakeGraphApi(WebApplication app, string token)
    {
        _app = app;
        _token = token;
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every call so far, in order (refused ones too).</summary>
    public IReadOnlyList<GraphApiRequest> Requests => [.. _requests];

    /// <summary>Every message send so far (POSTs to <c>…/messages</c>), in order.</summary>
    public IReadOnlyList<GraphApiRequest> Sends => [.. _requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal))];

    /// <summary>Starts the stand-in; calls must carry <paramref name="accessToken"/> as their bearer token.</summary>
    public static async Task<FakeGraphApi> StartAsync(string accessToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new FakeGraphApi(app, accessToken);
        app.MapPost("/{version}/{node}/messages", (Func<HttpContext, string, Task<IResult>>)api.SendAsync);
        app.MapGet("/download/{id}", (Func<HttpContext, string, IResult>)api.Download);
        app.MapGet("/cdn/{id}", (Func<HttpContext, string, IResult>)api.CdnDownload);
        app.MapGet("/{version}/{id}", (Func<HttpContext, string, IResult>)api.MediaInfo);
        await app.StartAsync();
        api.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return api;
    }

    /// <summary>The next call fails with <paramref name="failure"/> (queued: several calls fail in turn).</summary>
    public void FailNext(GraphApiFailure failure) => _failures.Enqueue(failure);

    /// <summary>
    /// The next message send fails with <paramref name="failure"/>; sender actions, typing indicators and read receipts
    /// (which a channel sends on its own when a turn starts) pass untouched.
    /// </summary>
    public void FailNextMessage(GraphApiFailure failure) => _messageFailures.Enqueue(failure);

    /// <summary>Makes media <paramref name="id"/> downloadable (as a customer's upload to WhatsApp is).</summary>
    public void AddMedia(string id, byte[] bytes, string mimeType) => _media[id] = (bytes, mimeType);

    /// <summary>Makes media <paramref name="id"/> no longer downloadable (as an expired CDN URL): 404 from then on.</summary>
    public void RemoveMedia(string id) => _media.TryRemove(id, out _);

    /// <summary>
    /// The unauthenticated CDN-like URL of media <paramref name="id"/> (as Messenger's signed attachment URLs, which take
    /// no token), with a query as Meta's carry.
    /// </summary>
    public Uri CdnUrl(string id) => new(BaseUrl, $"cdn/{Uri.EscapeDataString(id)}?_nc_cat=1&oh=abc&oe=5E0C2B8D");

    /// <summary>The calls so far to <see cref="CdnUrl"/> of media <paramref name="id"/>.</summary>
    public int CdnDownloads(string id) => _requests.Count(r => r.Method == "GET" && r.Path == "/cdn/" + id);

    /// <summary>Message sends whose recipient (WhatsApp <c>to</c>, Messenger <c>recipient.id</c>) is <paramref name="recipient"/>.</summary>
    public IReadOnlyList<GraphApiRequest> SendsTo(string recipient) =>
        [.. Sends.Where(r => r["to"] == recipient || r["recipient.id"] == recipient)];

    /// <summary>Waits until <paramref name="count"/> sends to <paramref name="recipient"/> matching <paramref name="filter"/> arrived; returns them.</summary>
    public async Task<IReadOnlyList<GraphApiRequest>> WaitForSendsAsync(string recipient, int count = 1, Func<GraphApiRequest, bool>? filter = null)
    {
        IReadOnlyList<GraphApiRequest> found = [];
        await Eventually.UntilAsync(
            () => (found = [.. SendsTo(recipient).Where(filter ?? (_ => true))]).Count >= count,
            $"{count} Graph API send(s) to {recipient}",
            () => "Calls so far: " + string.Join(", ", Requests.Select(r => $"{r.Method} {r.Path} {r.Body?.ToJsonString()}")));
        return found;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> SendAsync(HttpContext http, string node)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject;
        var request = Record(http, body);
        if (Refusal(request) is { } refused)
        {
            return refused;
        }

        if (IsMessage(body) && _messageFailures.TryDequeue(out var failure))
        {
            return Error(failure);
        }

        var id = Interlocked.Increment(ref _lastId).ToString("x8", CultureInfo.InvariantCulture);
        if (body?["messaging_product"]?.GetValue<string>() == "whatsapp")
        {
            if (body["status"]?.GetValue<string>() == "read")
            {
                return Results.Json(new JsonObject { ["success"] = true });
            }

            var to = body["to"]?.GetValue<string>() ?? "";
            return Results.Json(new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["contacts"] = new JsonArray(new JsonObject { ["input"] = to, ["wa_id"] = to }),
                ["messages"] = new JsonArray(new JsonObject { ["id"] = $"wamid.FAKE{id}" }),
            });
        }

        var recipient = body?["recipient"]?["id"]?.GetValue<string>() ?? "";
        return body?["sender_action"] is not null
            ? Results.Json(new JsonObject { ["recipient_id"] = recipient })
            : Results.Json(new JsonObject { ["recipient_id"] = recipient, ["message_id"] = $"m_FAKE{id}" });
    }

    /// <summary>A message the customer sees: not a sender action, typing indicator or read receipt.</summary>
    private static bool IsMessage(JsonObject? body) =>
        body is not null && body["sender_action"] is null && body["status"] is null && body["typing_indicator"] is null;

    private IResult MediaInfo(HttpContext http, string id)
    {
        var request = Record(http, null);
        if (Refusal(request) is { } refused)
        {
            return refused;
        }

        if (!_media.TryGetValue(id, out var media))
        {
            return Error(new GraphApiFailure(400, 100, $"Unsupported get request. Object with ID '{id}' does not exist.", 33));
        }

        return Results.Json(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["url"] = new Uri(BaseUrl, $"download/{id}").AbsoluteUri,
            ["mime_type"] = media.MimeType,
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(media.Bytes)),
            ["file_size"] = media.Bytes.Length,
            ["id"] = id,
        });
    }

    private IResult Download(HttpContext http, string id)
    {
        var request = Record(http, null);
        if (request.BearerToken != _token)
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        return _media.TryGetValue(id, out var media) ? Results.Bytes(media.Bytes, media.MimeType) : Results.NotFound();
    }

    private IResult CdnDownload(HttpContext http, string id)
    {
        // Looked up before the call is recorded: once a test sees the call, its answer no longer depends on AddMedia/RemoveMedia.
        var found = _media.TryGetValue(id, out var media);
        Record(http, null);
        return found ? Results.Bytes(media.Bytes, media.MimeType) : Results.NotFound();
    }

    private GraphApiRequest Record(HttpContext http, JsonObject? body)
    {
        var auth = http.Request.Headers.Authorization.FirstOrDefault();
        var token = auth is not null && auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..] : null;
        var request = new GraphApiRequest(http.Request.Method, http.Request.Path.Value ?? "", token, body);
        _requests.Enqueue(request);
        return request;
    }

    private IResult? Refusal(GraphApiRequest request) =>
        request.BearerToken != _token ? Error(GraphApiFailure.ExpiredToken with { Message = "Invalid OAuth access token." })
        : _failures.TryDequeue(out var failure) ? Error(failure)
        : null;

    private static IResult Error(GraphApiFailure failure)
    {
        var error = new JsonObject
        {
            ["message"] = failure.Message,
            ["type"] = "OAuthException",
            ["code"] = failure.Code,
            ["fbtrace_id"] = "AbCdEfGhIjK",
        };
        if (failure.Subcode is { } subcode)
        {
            error["error_subcode"] = subcode;
        }

        return Results.Json(new JsonObject { ["error"] = error }, statusCode: failure.Status);
    }
}
