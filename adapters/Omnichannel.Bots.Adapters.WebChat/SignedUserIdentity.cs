using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// Reads the user identity an embedding site signs for a logged-in customer: a JWT signed with HS256 and
/// <c>Channels:WebChat:UserIdentitySecret</c>, with <c>sub</c> (the site's user id), <c>exp</c>, and optionally
/// <c>email</c>, <c>phone_number</c> and <c>name</c>. Any JWT library makes one; nothing else is accepted.
/// </summary>
internal static partial class SignedUserIdentity
{
    /// <summary>The longest lifetime accepted (exp − now), so a leaked identity cannot be replayed for long.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(1);

    private const int MaxLength = 8 * 1024;

    /// <summary>The verified user, or the reason the identity is refused.</summary>
    public static (WebChatUser? User, string? Problem) Verify(string jwt, string secret, DateTimeOffset now)
    {
        var parts = jwt.Split('.');
        if (jwt.Length > MaxLength || parts.Length != 3)
        {
            return (null, "userToken is not a JWT (header.payload.signature).");
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            if (!header.RootElement.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != "HS256")
            {
                return (null, "userToken must be signed with HS256.");
            }

            var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
            if (!CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2])))
            {
                return (null, "userToken's signature does not match Channels:WebChat:UserIdentitySecret.");
            }

            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var claims = payload.RootElement;
            if (claims.ValueKind != JsonValueKind.Object)
            {
                return (null, "userToken's payload is not a JSON object.");
            }

            var subject = Text(claims, "sub");
            if (string.IsNullOrWhiteSpace(subject) || subject.Length > 128)
            {
                return (null, "userToken needs a sub claim (the site's user id, at most 128 characters).");
            }

            if (!claims.TryGetProperty("exp", out var exp) || exp.ValueKind != JsonValueKind.Number || !exp.TryGetInt64(out var expires))
            {
                return (null, "userToken needs an exp claim (seconds since 1970).");
            }

            var expiresAt = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(expires, 0, 253402300799));
            if (expiresAt <= now)
            {
                return (null, "userToken has expired.");
            }

            if (expiresAt - now > MaxLifetime)
            {
                return (null, "userToken's exp is more than a day away; sign identities that expire sooner.");
            }

            var email = Text(claims, "email")?.Trim().ToLowerInvariant();
            if (email is not null && (email.Length > 254 || !email.Contains('@', StringComparison.Ordinal)))
            {
                return (null, "userToken's email claim is not an email address.");
            }

            var phone = Text(claims, "phone_number") is { } rawPhone ? PhoneSeparators().Replace(rawPhone, string.Empty) : null;
            if (phone is not null && !E164().IsMatch(phone))
            {
                return (null, "userToken's phone_number claim must be in E.164 form, for example +16505550100.");
            }

            return (new WebChatUser("site:" + subject, Text(claims, "name"), email, phone, Verified: true), null);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string in the header or claims that is not valid UTF-8 (System.Text.Json throws when it is read).
            return (null, "userToken is not valid base64url JSON.");
        }
    }

    [GeneratedRegex(@"[\s\-().]")]
    private static partial Regex PhoneSeparators();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();

    private static string? Text(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
