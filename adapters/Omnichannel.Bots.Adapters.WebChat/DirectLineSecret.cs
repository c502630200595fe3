using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// The Direct Line secret: <c>Channels:WebChat:Secret</c>, or one generated on first start and kept in
/// <c>webchat-secret</c> under <c>Storage:DataDirectory</c> (readable by the owner only), so tokens survive restarts.
/// </summary>
internal sealed class DirectLineSecret
{
    public const string FileName = "webchat-secret";

    public DirectLineSecret(IOptions<WebChatOptions> options, BotDataDirectory dataDirectory)
    {
        Value = options.Value.Secret ?? SecretFile.LoadOrCreate(Path.Combine(dataDirectory.Path, FileName), 32, "Channels:WebChat:Secret");
        TokenKey = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Value), "omnibot directline token v1"u8);
        FileKey = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Value), "omnibot directline file v1"u8);
    }

    public string Value { get; }

    /// <summary>Signs tokens (derived from the secret, so the secret itself never signs anything a browser sees).</summary>
    public byte[] TokenKey { get; }

    /// <summary>Signed upload links before uploads moved to the customer file store; see <see cref="SignsFileLink"/>.</summary>
    public byte[] FileKey { get; }

    /// <summary>
    /// True when <paramref name="signature"/> is how web chat signed its link to upload <paramref name="fileId"/> before
    /// uploads moved to the customer file store (compared in constant time): such links keep opening those uploads.
    /// </summary>
    public bool SignsFileLink(string fileId, string signature) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(Base64Url.EncodeToString(HMACSHA256.HashData(FileKey, Encoding.ASCII.GetBytes(fileId)))));

    /// <summary>True when <paramref name="candidate"/> is the secret (compared in constant time).</summary>
    public bool Matches(string candidate) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(Value));
}
