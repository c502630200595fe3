using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.AspNetCore;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// What a public page needs: <c>GET /webchat.js</c> (the widget) and <c>POST /api/webchat/token</c>, which gives a
/// page of an allowed origin a token for a new conversation, for the conversation of a token it kept together with
/// that conversation's resume secret (a returning visitor gets their history; the secret is replaced each time), or
/// for the user the embedding site signed. The Direct Line secret stays here.
/// </summary>
internal sealed class WebChatWidgetEndpoints : IBotEndpoints
{
    private const string WidgetResource = "Omnichannel.Bots.Adapters.WebChat.webchat.js";

    private readonly WebChatConversations _conversations;
    private readonly WebChatOptions _options;
    private readonly Lazy<(byte[] Script, string ETag)?> _widget = new(LoadWidget);

    public WebChatWidgetEndpoints(WebChatConversations conversations, IOptions<WebChatOptions> options)
    {
        _conversations = conversations;
        _options = options.Value;
    }

    public void Map(IEndpointRouteBuilder endpoints)
    {
        if (!_options.Enabled)
        {
            return;
        }

        endpoints.MapGet("/webchat.js", ServeWidget);
        endpoints.MapMethods("/api/webchat/token", [HttpMethods.Options], Preflight);
        endpoints.MapPost("/api/webchat/token", (Func<HttpContext, Task<IResult>>)IssueTokenAsync).RequireRateLimiting(BotRateLimits.ConversationStartsPerAddress);
    }

    private IResult ServeWidget(HttpContext http)
    {
        if (_widget.Value is not { } widget)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=300";
        http.Response.Headers.ETag = widget.ETag;
        if (http.Request.Headers.IfNoneMatch == widget.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(widget.Script, "text/javascript; charset=utf-8");
    }

    private IResult Preflight(HttpContext http)
    {
        if (!AllowOrigin(http))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        http.Response.Headers.AccessControlAllowMethods = "POST, OPTIONS";
        http.Response.Headers.AccessControlAllowHeaders = "Content-Type";
        http.Response.Headers.AccessControlMaxAge = "600";
        return Results.NoContent();
    }

    private async Task<IResult> IssueTokenAsync(HttpContext http)
    {
        if (!AllowOrigin(http))
        {
            return DirectLineResults.Forbidden(
                $"Pages from '{http.Request.Headers.Origin}' may not start web chats here; add the origin to Channels:WebChat:AllowedOrigins.");
        }

        var (request, problem) = await ReadRequestAsync(http.Request).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        WebChatUser? signedUser = null;
        if (request.UserToken is { } userToken)
        {
            if (_options.UserIdentitySecret is not { } identitySecret)
            {
                return DirectLineResults.BadArgument("This host does not accept signed user identities (Channels:WebChat:UserIdentitySecret is not set).");
            }

            var (user, refused) = await SignedUserIdentity.VerifyAsync(userToken, identitySecret, _conversations.Time).ConfigureAwait(false);
            if (user is null)
            {
                return DirectLineResults.Unauthorized(refused!);
            }

            signedUser = user;
        }

        DirectLineToken? token = null;
        string? resumeSecret = null;
        if (request.Resume is { } resume)
        {
            if (string.IsNullOrEmpty(request.ResumeSecret))
            {
                return DirectLineResults.Unauthorized(
                    "Resuming a conversation takes the resumeSecret issued with its token; nothing was issued. Ask without resume for a new conversation.");
            }

            if (await ResumableAsync(resume, signedUser, http.RequestAborted).ConfigureAwait(false) is { } previous)
            {
                resumeSecret = await _conversations.RotateResumeSecretAsync(previous.ConversationId, request.ResumeSecret, http.RequestAborted).ConfigureAwait(false);
                if (resumeSecret is null)
                {
                    return DirectLineResults.Unauthorized(
                        "The resumeSecret is not this conversation's current one (each is replaced when used); nothing was issued. Ask without resume for a new conversation.");
                }

                token = _conversations.NewToken(previous.ConversationId, signedUser ?? previous.User);
            }
        }

        var resumed = token is not null;
        if (token is null)
        {
            var user = signedUser ?? WebChatConversations.NewAnonymousUser();
            var conversationId = await _conversations.StartAsync(user, http.RequestAborted).ConfigureAwait(false);
            resumeSecret = await _conversations.NewResumeSecretAsync(conversationId, http.RequestAborted).ConfigureAwait(false);
            token = _conversations.NewToken(conversationId, user);
        }

        return Results.Json(new WidgetTokenResponse(
            _conversations.Sign(token),
            token.ConversationId,
            (int)(token.ExpiresAt - token.IssuedAt).TotalSeconds,
            token.User.Id,
            resumed,
            resumeSecret!));
    }

    /// <summary>
    /// The kept token's contents if it is ours, still within the resume window, and for the same person: an anonymous
    /// conversation is resumed anonymously, a signed one only with the same signed user (so a logged-out visitor on a
    /// shared computer does not see the customer's history). The caller then checks the resume secret.
    /// </summary>
    private async Task<DirectLineToken?> ResumableAsync(string kept, WebChatUser? signedUser, CancellationToken cancellationToken)
    {
        var previous = _conversations.Read(kept);
        if (previous is null || !_conversations.IsResumable(previous))
        {
            return null;
        }

        var samePerson = previous.User.Verified ? signedUser?.Id == previous.User.Id : signedUser is null;
        return samePerson && await _conversations.FindOwnerAsync(previous.ConversationId, cancellationToken).ConfigureAwait(false) is not null
            ? previous
            : null;
    }

    private bool AllowOrigin(HttpContext http)
    {
        string? origin = http.Request.Headers.Origin;
        if (!WebChatOrigins.IsAllowed(origin, http.Request, _options.AllowedOrigins))
        {
            return false;
        }

        http.Response.Headers.AccessControlAllowOrigin = origin;
        http.Response.Headers.Vary = "Origin";
        return true;
    }

    private static async Task<(WidgetTokenRequest Request, IResult? Problem)> ReadRequestAsync(HttpRequest request)
    {
        var (document, refused) = await RequestBody.ReadJsonAsync(request, 16 * 1024).ConfigureAwait(false);
        if (refused is not null)
        {
            return (new WidgetTokenRequest(null, null, null), DirectLineResults.Refused(refused));
        }

        if (document is null)
        {
            return (new WidgetTokenRequest(null, null, null), null);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (new WidgetTokenRequest(null, null, null), DirectLineResults.BadArgument("The body must be a JSON object: {\"resume\"?: token, \"resumeSecret\"?: secret, \"userToken\"?: JWT}."));
            }

            string? Text(string name, List<string> problems)
            {
                if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    return null;
                }

                if (value.ValueKind != JsonValueKind.String)
                {
                    problems.Add($"{name} must be a string");
                }

                return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            }

            var problems = new List<string>();
            var parsed = new WidgetTokenRequest(Text("resume", problems), Text("resumeSecret", problems), Text("userToken", problems));
            return problems.Count > 0 ? (parsed, DirectLineResults.BadArgument(problems)) : (parsed, null);
        }
    }

    private static (byte[] Script, string ETag)? LoadWidget()
    {
        using var stream = typeof(WebChatWidgetEndpoints).Assembly.GetManifestResourceStream(WidgetResource);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var script = buffer.ToArray();
        return (script, "\"" + Convert.ToHexStringLower(SHA256.HashData(script))[..16] + "\"");
    }

    private sealed record WidgetTokenRequest(string? Resume, string? ResumeSecret, string? UserToken);

    private sealed record WidgetTokenResponse(
        string Token,
        string ConversationId,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn,
        string UserId,
        bool Resumed,
        string ResumeSecret);
}
