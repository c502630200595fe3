using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.AspNetCore;
using Omnichannel.Bots.Inbound;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// The Bot Framework Direct Line 3.0 endpoints (README, "Stable external contract"): tokens, conversations, activities by watermark,
/// upload and the WebSocket stream. A customer's activity is stored in the conversation's log (that is its echo, with
/// its <c>clientActivityID</c>) and handed to the durable inbox; the response never waits for the dialog.
/// </summary>
internal sealed class DirectLineEndpoints : IBotEndpoints
{
    private const int PageSize = 100;
    private const string JsonContentType = "application/json; charset=utf-8";

    private readonly WebChatConversations _conversations;
    private readonly DirectLineAuthorizer _authorizer;
    private readonly WebChatSubmissions _submissions;
    private readonly OtherChannelHistory _history;
    private readonly IActivityLogStore _log;
    private readonly DirectLineStream _stream;
    private readonly DirectLineUploads _uploads;
    private readonly WebChatOptions _options;
    private readonly LimitsOptions _limits;
    private readonly StreamSlots _streamSlots = new();

    public DirectLineEndpoints(
        WebChatConversations conversations,
        DirectLineAuthorizer authorizer,
        WebChatSubmissions submissions,
        OtherChannelHistory history,
        IActivityLogStore log,
        DirectLineStream stream,
        DirectLineUploads uploads,
        IOptions<WebChatOptions> options,
        IOptions<LimitsOptions> limits)
    {
        _conversations = conversations;
        _authorizer = authorizer;
        _submissions = submissions;
        _history = history;
        _log = log;
        _stream = stream;
        _uploads = uploads;
        _options = options.Value;
        _limits = limits.Value;
    }

    public void Map(IEndpointRouteBuilder endpoints)
    {
        if (!_options.Enabled)
        {
            return;
        }

        // Tokens are bearer credentials, so any page may call these (as on Azure); the widget's token endpoint is the
        // one that checks origins.
        endpoints.MapMethods("/v3/directline/{**path}", [HttpMethods.Options], (HttpContext http) =>
        {
            AllowAnyOrigin(http.Response);
            http.Response.Headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
            http.Response.Headers.AccessControlAllowHeaders = "Authorization, Content-Type, x-ms-bot-agent, x-requested-with";
            http.Response.Headers.AccessControlMaxAge = "600";
            return Results.NoContent();
        });

        var directLine = endpoints.MapGroup("/v3/directline").AddEndpointFilter(async (context, next) =>
        {
            AllowAnyOrigin(context.HttpContext.Response);
            return await next(context).ConfigureAwait(false);
        });
        directLine.MapPost("/tokens/generate", (Func<HttpContext, Task<IResult>>)GenerateTokenAsync).RequireRateLimiting(BotRateLimits.ConversationStartsPerAddress);
        directLine.MapPost("/tokens/refresh", RefreshToken);
        directLine.MapPost("/conversations", (Func<HttpContext, Task<IResult>>)StartConversationAsync).RequireRateLimiting(BotRateLimits.ConversationStartsPerAddress);
        directLine.MapGet("/conversations/{conversationId}", ReconnectAsync);
        directLine.MapPost("/conversations/{conversationId}/activities", PostActivityAsync).RequireRateLimiting(ConversationRateLimitPolicy.Activities);
        directLine.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        directLine.MapPost("/conversations/{conversationId}/upload", _uploads.UploadAsync).RequireRateLimiting(ConversationRateLimitPolicy.Uploads);
        directLine.MapGet("/conversations/{conversationId}/stream", StreamAsync);
        directLine.MapGet("/files/{fileId}", _uploads.GetFile);
    }

    private static void AllowAnyOrigin(HttpResponse response) => response.Headers.AccessControlAllowOrigin = "*";

    private async Task<IResult> GenerateTokenAsync(HttpContext http)
    {
        var (caller, error) = _authorizer.Authenticate(http.Request);
        if (error is not null)
        {
            return error;
        }

        if (!caller.IsSecret)
        {
            return DirectLineResults.Forbidden("Generating a token takes the Direct Line secret, not a token.");
        }

        var (user, problem) = await ReadUserAsync(http.Request).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        // The page may resume this conversation through POST /api/webchat/token with the token and this resume secret.
        var conversationId = await _conversations.StartAsync(user!, http.RequestAborted).ConfigureAwait(false);
        var resumeSecret = await _conversations.NewResumeSecretAsync(conversationId, http.RequestAborted).ConfigureAwait(false);
        return Results.Json(_conversations.TokenBody(_conversations.NewToken(conversationId, user!), resumeSecret));
    }

    private IResult RefreshToken(HttpContext http)
    {
        var (caller, error) = _authorizer.Authenticate(http.Request);
        if (error is not null)
        {
            return error;
        }

        if (caller.Token is not { } token)
        {
            return DirectLineResults.Forbidden("Refresh a token with that token; the secret does not need refreshing.");
        }

        return Results.Json(_conversations.TokenBody(_conversations.NewToken(token.ConversationId, token.User)));
    }

    private async Task<IResult> StartConversationAsync(HttpContext http)
    {
        var (caller, error) = _authorizer.Authenticate(http.Request);
        if (error is not null)
        {
            return error;
        }

        if (caller.Token is { } token)
        {
            // A token is bound to its conversation: starting with it returns that conversation.
            var created = await _conversations.EnsureAsync(token.ConversationId, token.User, http.RequestAborted).ConfigureAwait(false);
            var body = _conversations.ConversationBody(token, http.Request, watermark: null);
            return created ? Results.Json(body, statusCode: StatusCodes.Status201Created) : Results.Json(body);
        }

        var (user, problem) = await ReadUserAsync(http.Request).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var conversationId = await _conversations.StartAsync(user!, http.RequestAborted).ConfigureAwait(false);
        return Results.Json(
            _conversations.ConversationBody(_conversations.NewToken(conversationId, user!), http.Request, watermark: null),
            statusCode: StatusCodes.Status201Created);
    }

    private async Task<IResult> ReconnectAsync(string conversationId, HttpContext http)
    {
        var (token, error) = await _authorizer.AuthorizeAsync(http.Request, conversationId).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        string? watermark = http.Request.Query["watermark"];
        if (!DirectLineActivities.TryReadWatermark(watermark, out _))
        {
            return DirectLineResults.BadArgument($"watermark '{watermark}' is not one this server issued.");
        }

        return Results.Json(_conversations.ConversationBody(token!, http.Request, string.IsNullOrEmpty(watermark) ? null : watermark));
    }

    private async Task<IResult> GetActivitiesAsync(string conversationId, HttpContext http)
    {
        var (token, error) = await _authorizer.AuthorizeAsync(http.Request, conversationId).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        string? watermark = http.Request.Query["watermark"];
        if (!DirectLineActivities.TryReadWatermark(watermark, out var after))
        {
            return DirectLineResults.BadArgument($"watermark '{watermark}' is not one this server issued.");
        }

        // Read from the start (no watermark yet): a signed-in visitor's messages from other channels come first.
        var history = string.IsNullOrEmpty(watermark) ? await _history.ReadAsync(conversationId, token!.User, http.RequestAborted).ConfigureAwait(false) : [];
        var entries = await _log.ReadAsync(conversationId, after, PageSize, http.RequestAborted).ConfigureAwait(false);
        return Results.Text(DirectLineActivities.ActivitySet(conversationId, entries, after, history), JsonContentType);
    }

    private async Task<IResult> PostActivityAsync(string conversationId, HttpContext http)
    {
        var (token, error) = await _authorizer.AuthorizeAsync(http.Request, conversationId).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var (document, refused) = await RequestBody.ReadJsonAsync(http.Request, UserActivity.MaxBodyBytes).ConfigureAwait(false);
        if (refused is not null)
        {
            return DirectLineResults.Refused(refused);
        }

        using var scope = document;
        var (activity, problems) = UserActivity.Parse(document);
        return activity is null
            ? DirectLineResults.BadArgument(problems)
            : await _submissions.SubmitAsync(conversationId, token!.User, activity, [], http.RequestAborted).ConfigureAwait(false);
    }

    private async Task StreamAsync(string conversationId, HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await DirectLineResults.BadArgument("This is the Direct Line stream: connect with a WebSocket.").ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        var (token, refusal) = await _authorizer.AuthorizeStreamAsync(StreamTokenRedaction.StreamToken(http), conversationId, http.RequestAborted).ConfigureAwait(false);
        string? watermark = http.Request.Query["watermark"];
        var after = 0L;
        if (refusal is null && !DirectLineActivities.TryReadWatermark(watermark, out after))
        {
            refusal = DirectLineResults.BadArgument($"watermark '{watermark}' is not one this server issued.");
        }

        if (refusal is not null)
        {
            await refusal.ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        // Past the cap the new stream is refused and the open ones keep running (see StreamSlots).
        using var slot = _streamSlots.TryTake(StreamTokenRedaction.StreamToken(http)!, _limits.StreamsPerToken);
        if (slot is null)
        {
            http.Response.Headers.RetryAfter = ((int)DirectLineStream.HeartbeatInterval.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await DirectLineResults.TooManyStreams($"This token already has {_limits.StreamsPerToken} open streams (Limits:StreamsPerToken); close one first.")
                .ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        var history = string.IsNullOrEmpty(watermark) ? await _history.ReadAsync(conversationId, token!.User, http.RequestAborted).ConfigureAwait(false) : [];
        using var listener = _stream.Listen(conversationId);
        using var socket = await http.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        await _stream.RunAsync(socket, listener, after, history, token!.ExpiresAt, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The optional <c>{"user":{"id","name"}}</c> of a token or conversation request made with the secret.</summary>
    private static async Task<(WebChatUser? User, IResult? Problem)> ReadUserAsync(HttpRequest request)
    {
        var (document, refused) = await RequestBody.ReadJsonAsync(request, 16 * 1024).ConfigureAwait(false);
        if (refused is not null)
        {
            return (null, DirectLineResults.Refused(refused));
        }

        if (document is null)
        {
            return (WebChatConversations.NewAnonymousUser(), null);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, DirectLineResults.BadArgument("The body must be a JSON object."));
            }

            if (!document.RootElement.TryGetProperty("user", out var user) || user.ValueKind == JsonValueKind.Null)
            {
                return (WebChatConversations.NewAnonymousUser(), null);
            }

            var id = user.ValueKind == JsonValueKind.Object && user.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
                ? idElement.GetString()
                : null;
            if (string.IsNullOrWhiteSpace(id) || id.Length > 128 || id.Any(char.IsControl))
            {
                return (null, DirectLineResults.BadArgument("user.id must be a string of 1 to 128 characters."));
            }

            var name = user.TryGetProperty("name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String ? nameElement.GetString() : null;
            return (new WebChatUser(id, name), null);
        }
    }
}
