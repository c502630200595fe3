using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// Starts web chat conversations and issues, reads and refreshes their tokens and resume secrets. Every token issued is
/// recorded in <see cref="ConversationTokenExpiries"/>, so a conversation's streams know when its last token expires.
/// </summary>
internal sealed class WebChatConversations
{
    private readonly IActivityLogStore _log;
    private readonly DirectLineSecret _secret;
    private readonly WebChatOptions _options;
    private readonly TimeProvider _time;
    private readonly ConversationTokenExpiries _expiries;

    public WebChatConversations(
        IActivityLogStore log,
        DirectLineSecret secret,
        IOptions<WebChatOptions> options,
        TimeProvider time,
        ConversationTokenExpiries expiries)
    {
        _log = log;
        _secret = secret;
        _options = options.Value;
        _time = time;
        _expiries = expiries;
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
        var token = new DirectLineToken(conversationId, user, now, now + _options.TokenLifetime);
        _expiries.Extend(conversationId, token.ExpiresAt);
        return token;
    }

    /// <summary>A new resume secret for the conversation; only its hash is stored, and it replaces any earlier one.</summary>
    public async Task<string> NewResumeSecretAsync(string conversationId, CancellationToken cancellationToken)
    {
        var secret = NewSecret();
        await _log.SetResumeSecretHashAsync(conversationId, HashSecret(secret), cancellationToken).ConfigureAwait(false);
        return secret;
    }

    /// <summary>
    /// The conversation's next resume secret if <paramref name="presented"/> is its current one (which stops working),
    /// or null when it is not (wrong, already rotated, or the conversation has none).
    /// </summary>
    public async Task<string?> RotateResumeSecretAsync(string conversationId, string presented, CancellationToken cancellationToken)
    {
        var next = NewSecret();
        var rotated = await _log.RotateResumeSecretHashAsync(conversationId, HashSecret(presented), HashSecret(next), cancellationToken).ConfigureAwait(false);
        return rotated ? next : null;
    }

    public string Sign(DirectLineToken token) => token.Sign(_secret.TokenKey);

    /// <summary>The token if we signed it (expired ones included).</summary>
    public DirectLineToken? Read(string token) => DirectLineToken.Read(token, _secret.TokenKey);

    public bool IsExpired(DirectLineToken token) => token.ExpiresAt <= _time.GetUtcNow();

    /// <summary>An expired token may still resume its conversation within the resume window.</summary>
    public bool IsResumable(DirectLineToken token) => token.ExpiresAt + _options.ResumeWindow > _time.GetUtcNow();

    /// <summary>A token response; <paramref name="resumeSecret"/> is added for a new conversation (a page may resume it later).</summary>
    public object TokenBody(DirectLineToken token, string? resumeSecret = null) =>
        new TokenResponse(token.ConversationId, Sign(token), ExpiresIn(token), resumeSecret);

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

    private static string NewSecret() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>SHA-256 is enough: the secret is 256 random bits, not a password.</summary>
    private static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));

    private sealed record TokenResponse(
        string ConversationId,
        string Token,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? ResumeSecret);

    private sealed record ConversationResponse(
        string ConversationId,
        string Token,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn,
        string StreamUrl);
}
