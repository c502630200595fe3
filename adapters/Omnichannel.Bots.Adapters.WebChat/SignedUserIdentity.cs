using System.Text;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// Reads the user identity an embedding site signs for a logged-in customer: a JWT signed with HS256 and
/// <c>Channels:WebChat:UserIdentitySecret</c>, with <c>sub</c> (the site's user id), <c>exp</c>, and optionally
/// <c>nbf</c>, <c>email</c>, <c>phone_number</c> and <c>name</c>. Any JWT library makes one; nothing else is accepted.
/// The signature and lifetime are checked by Microsoft.IdentityModel's <see cref="JsonWebTokenHandler"/> (no issuer or
/// audience, no clock skew, the host's clock); the claims' shapes are checked here.
/// </summary>
internal static partial class SignedUserIdentity
{
    /// <summary>The longest lifetime accepted (exp − now), so a leaked identity cannot be replayed for long.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(1);

    private const string Algorithm = SecurityAlgorithms.HmacSha256;
    private const int MaxLength = 8 * 1024;

    private static readonly JsonWebTokenHandler Handler = new() { MaximumTokenSizeInBytes = MaxLength };

    /// <summary>The verified user, or the reason the identity is refused.</summary>
    /// <param name="jwt">The compact JWT the page sent.</param>
    /// <param name="secret">The shared HS256 secret (<c>Channels:WebChat:UserIdentitySecret</c>).</param>
    /// <param name="time">The host's clock, for <c>exp</c> and <c>nbf</c>.</param>
    public static async Task<(WebChatUser? User, string? Problem)> VerifyAsync(string jwt, string secret, TimeProvider time)
    {
        if (jwt.Length > MaxLength || jwt.Split('.').Length != 3)
        {
            return (null, "userToken is not a JWT (header.payload.signature).");
        }

        JsonWebToken read;
        try
        {
            read = Handler.ReadJsonWebToken(jwt);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return (null, "userToken is not a well-formed JWT (base64url JSON parts; exp and nbf are numbers).");
        }

        if (!string.Equals(read.Alg, Algorithm, StringComparison.Ordinal))
        {
            return (null, "userToken must be signed with HS256.");
        }

        // The lifetime is judged on the host's clock (the handler's own check reads the machine's), with no clock skew.
        var now = time.GetUtcNow().UtcDateTime;
        string? lifetimeProblem = null;
        var parameters = Parameters(secret);
        parameters.LifetimeValidator = (notBefore, expires, _, _) => (lifetimeProblem = Lifetime(notBefore, expires, now)) is null;
        var result = await Handler.ValidateTokenAsync(read, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return (null, result.Exception is SecurityTokenInvalidLifetimeException && lifetimeProblem is not null ? lifetimeProblem : Problem(result.Exception));
        }

        var token = (JsonWebToken)result.SecurityToken;
        if (token.ValidTo - now > MaxLifetime)
        {
            return (null, "userToken's exp is more than a day away; sign identities that expire sooner.");
        }

        var subject = Text(token, "sub");
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > 128)
        {
            return (null, "userToken needs a sub claim (the site's user id, at most 128 characters).");
        }

        var email = Text(token, "email")?.Trim().ToLowerInvariant();
        if (email is not null && (email.Length > 254 || !email.Contains('@', StringComparison.Ordinal)))
        {
            return (null, "userToken's email claim is not an email address.");
        }

        var phone = Text(token, "phone_number") is { } rawPhone ? PhoneSeparators().Replace(rawPhone, string.Empty) : null;
        if (phone is not null && !E164().IsMatch(phone))
        {
            return (null, "userToken's phone_number claim must be in E.164 form, for example +16505550100.");
        }

        return (new WebChatUser("site:" + subject, Text(token, "name"), email, phone, Verified: true), null);
    }

    private static TokenValidationParameters Parameters(string secret) => new()
    {
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)),
        ValidAlgorithms = [Algorithm],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = TimeSpan.Zero,
        ValidateIssuer = false,
        ValidateAudience = false,
    };

    private static string? Lifetime(DateTime? notBefore, DateTime? expires, DateTime now) =>
        expires is not { } exp ? "userToken needs an exp claim (seconds since 1970)."
        : exp <= now ? "userToken has expired."
        : notBefore is { } nbf && nbf > now ? "userToken is not valid yet (its nbf is in the future)."
        : null;

    private static string Problem(Exception? error) => error switch
    {
        SecurityTokenInvalidLifetimeException => "userToken has expired or is not valid yet.",
        SecurityTokenInvalidAlgorithmException => "userToken must be signed with HS256.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "userToken's signature does not match Channels:WebChat:UserIdentitySecret.",
        _ => "userToken is not a well-formed JWT (base64url JSON parts; exp and nbf are numbers).",
    };

    [GeneratedRegex(@"[\s\-().]")]
    private static partial Regex PhoneSeparators();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();

    private static string? Text(JsonWebToken token, string name) =>
        token.TryGetPayloadValue<object>(name, out var value) && value is string text ? text : null;
}
