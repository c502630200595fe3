using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// A Direct Line token: bound to one conversation and one user, valid until it expires, signed with a key derived
/// from the Direct Line secret (HMAC-SHA256). The format is <c>base64url(json).base64url(mac)</c>.
/// </summary>
internal sealed record DirectLineToken(string ConversationId, WebChatUser User, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
{
    public string Sign(byte[] key)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(
            new Payload(ConversationId, User.Id, User.Name, User.Email, User.Phone, User.Verified, IssuedAt.ToUnixTimeSeconds(), ExpiresAt.ToUnixTimeSeconds()),
            TokenJsonContext.Default.Payload);
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, payload));
    }

    /// <summary>The token's contents if its signature is ours (expired or not: the caller decides what expiry means).</summary>
    public static DirectLineToken? Read(string token, byte[] key)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || token.Length > 4096)
        {
            return null;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            var mac = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
            if (!CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(key, payload)))
            {
                return null;
            }

            var read = JsonSerializer.Deserialize(payload, TokenJsonContext.Default.Payload);
            return read is null || string.IsNullOrEmpty(read.Conversation) || string.IsNullOrEmpty(read.User)
                ? null
                : new DirectLineToken(
                    read.Conversation,
                    new WebChatUser(read.User, read.Name, read.Email, read.Phone, read.Verified),
                    DateTimeOffset.FromUnixTimeSeconds(read.IssuedAt),
                    DateTimeOffset.FromUnixTimeSeconds(read.ExpiresAt));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    internal sealed record Payload(
        [property: JsonPropertyName("c")] string Conversation,
        [property: JsonPropertyName("u")] string User,
        [property: JsonPropertyName("n")] string? Name,
        [property: JsonPropertyName("e")] string? Email,
        [property: JsonPropertyName("p")] string? Phone,
        [property: JsonPropertyName("v")] bool Verified,
        [property: JsonPropertyName("iat")] long IssuedAt,
        [property: JsonPropertyName("exp")] long ExpiresAt);
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DirectLineToken.Payload))]
internal sealed partial class TokenJsonContext : JsonSerializerContext;
