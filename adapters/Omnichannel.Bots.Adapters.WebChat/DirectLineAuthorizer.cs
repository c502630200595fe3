using Microsoft.AspNetCore.Http;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// Who is calling a Direct Line endpoint: the secret (a server), or a token (a client, bound to one conversation).
/// Missing or bad credentials are 401, an expired token 403 <c>TokenExpired</c>, a token of another conversation 403,
/// a conversation that does not exist 404.
/// </summary>
internal sealed class DirectLineAuthorizer
{
    private const string Bearer = "Bearer ";

    private readonly DirectLineSecret _secret;
    private readonly WebChatConversations _conversations;

    public DirectLineAuthorizer(DirectLineSecret secret, WebChatConversations conversations)
    {
        _secret = secret;
        _conversations = conversations;
    }

    /// <summary>The caller named by the request's <c>Authorization: Bearer</c> header.</summary>
    public (DirectLineCaller Caller, IResult? Error) Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) || header.Length == Bearer.Length)
        {
            return (default, DirectLineResults.Unauthorized("Send Authorization: Bearer <Direct Line secret or token>."));
        }

        return Authenticate(header[Bearer.Length..].Trim(), secretAllowed: true);
    }

    /// <summary>
    /// The caller may act on this conversation (header credential): a token bound to it, or the secret. Returns a
    /// token for the conversation's user either way.
    /// </summary>
    public Task<(DirectLineToken? Token, IResult? Error)> AuthorizeAsync(HttpRequest request, string conversationId)
    {
        var (caller, error) = Authenticate(request);
        return error is not null ? Task.FromResult<(DirectLineToken?, IResult?)>((null, error)) : AuthorizeAsync(caller, conversationId, request.HttpContext.RequestAborted);
    }

    /// <summary>The same for a stream URL, whose token comes in the query (<c>t</c>); the secret never travels in a URL.</summary>
    public async Task<(DirectLineToken? Token, IResult? Error)> AuthorizeStreamAsync(string? token, string conversationId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, DirectLineResults.Unauthorized("The stream URL's token (t) is missing."));
        }

        var (caller, error) = Authenticate(token, secretAllowed: false);
        return error is not null ? (null, error) : await AuthorizeAsync(caller, conversationId, cancellationToken).ConfigureAwait(false);
    }

    private (DirectLineCaller Caller, IResult? Error) Authenticate(string credential, bool secretAllowed)
    {
        if (secretAllowed && _secret.Matches(credential))
        {
            return (new DirectLineCaller(IsSecret: true, Token: null), null);
        }

        var token = _conversations.Read(credential);
        if (token is null)
        {
            return (default, DirectLineResults.Unauthorized(secretAllowed ? "The secret or token is not valid." : "The token is not valid."));
        }

        return _conversations.IsExpired(token) ? (default, DirectLineResults.TokenExpired()) : (new DirectLineCaller(IsSecret: false, token), null);
    }

    private async Task<(DirectLineToken? Token, IResult? Error)> AuthorizeAsync(DirectLineCaller caller, string conversationId, CancellationToken cancellationToken)
    {
        if (caller.Token is { } token && token.ConversationId != conversationId)
        {
            return (null, DirectLineResults.Forbidden("This token is for another conversation."));
        }

        var owner = await _conversations.FindOwnerAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (owner is null)
        {
            return (null, DirectLineResults.NotFound($"There is no conversation '{conversationId}'."));
        }

        return (caller.Token ?? _conversations.NewToken(conversationId, new WebChatUser(owner)), null);
    }
}

/// <summary>The secret (<see cref="Token"/> null), or a client's unexpired token.</summary>
internal readonly record struct DirectLineCaller(bool IsSecret, DirectLineToken? Token);
