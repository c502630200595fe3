using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>Starts web chat conversations and issues, reads and refreshes their tokens.</summary>
internal sealed class WebChatConversations
{
    private readonly IActivityLogStore _log;
    private readonly DirectLineSecret _secret;
    private readonly WebChatOptions _options;
    private readonly TimeProvider _time;

    public WebChatConversations(IActivityLogStore log, DirectLineSecret secret, IOptions<WebChatOptions> options, TimeProvider time)
    {
        _log = log;
        _secret = secret;
        _options = options.Value;
        _time = time;
    }

    public TimeProvider Time => _time;

    public static WebChatUser NewAnonymousUser() => new("dl_" + RandomId());

    public async Task<string> StartAsync(WebChatUser user, CancellationToken cancellationToken)
    {
        var conversationId = RandomId();
        await _log.CreateAsync(conversationId, user.Id, cancellationToken).ConfigureAwait(false);
        return conversationId;
    }

    public Task<bool> EnsureAsync(string conversationId, WebChatUser user, CancellationToken cancellationToken) =>
        _log.CreateAsync(conversationId, user.Id, cancellationToken);

    public Task<string?> FindOwnerAsync(string conversationId, CancellationToken cancellationToken) =>
        _log.FindOwnerAsync(conversationId, cancellationToken);

    public DirectLineToken NewToken(string conversationId, WebChatUser user)
    {
        var now = _time.GetUtcNow();
        return new DirectLineToken(conversationId, user, now, now + _options.TokenLifetime);
    }

    public string Sign(DirectLineToken token) => token.Sign(_secret.TokenKey);

    /// <summary>The token if we signed it (expired ones included).</summary>
    public DirectLineToken? Read(string token) => DirectLineToken.Read(token, _secret.TokenKey);

    public bool IsExpired(DirectLineToken token) => token.ExpiresAt <= _time.GetUtcNow();

    /// <summary>An expired token may still resume its conversation within the resume window.</summary>
    public bool IsResumable(DirectLineToken token) => token.ExpiresAt + _options.ResumeWindow > _time.GetUtcNow();

    public object TokenBody(DirectLineToken token) => new TokenResponse(token.ConversationId, Sign(token), ExpiresIn(token));

    public object ConversationBody(DirectLineToken token, HttpRequest request, string? watermark) =>
        new ConversationResponse(token.ConversationId, Sign(token), ExpiresIn(token), StreamUrl(request, token, watermark));

    private int ExpiresIn(DirectLineToken token) => (int)Math.Max(0, (token.ExpiresAt - _time.GetUtcNow()).TotalSeconds);

    private string StreamUrl(HttpRequest request, DirectLineToken token, string? watermark)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        var query = "?t=" + Uri.EscapeDataString(Sign(token))
            + (watermark is null ? string.Empty : "&watermark=" + Uri.EscapeDataString(watermark));
        return $"{scheme}://{request.Host}{request.PathBase}/v3/directline/conversations/{Uri.EscapeDataString(token.ConversationId)}/stream{query}";
    }

    private static string RandomId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private sealed record TokenResponse(string ConversationId, string Token, [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);

    private sealed record ConversationResponse(
        string ConversationId,
        string Token,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn,
        string StreamUrl);
}
