using Omnichannel.Bots.Webhooks;

namespace Omnichannel.Bots.Adapters.Conformance.Tests;

/// <summary>
/// A small provider-style channel for testing the suite itself: SMS-like limits (plain text, no buttons, 320
/// characters, one message a second per chat), JSON webhooks signed with HMAC-SHA256 over the raw body.
/// </summary>
public static class LoopbackChannel
{
    public const string Path = "/api/channels/loopback";
    public const string SignatureHeader = "X-Loopback-Signature";
    public const string Account = "loopback-bot";
    public const int MaxBodyBytes = 16 * 1024;

    public static ChannelId Id { get; } = new("loopback");

    public static ChannelProfile Profile { get; } = new(Id, new ChannelCapabilities { MaxTextLength = 320, MaxButtons = 0 })
    {
        Pacing = new ChannelPacing(PerChat: new MessageRate(1, TimeSpan.FromSeconds(1)), PerAccount: null),
    };

    /// <summary>The webhook's signing secret and verifier (as a provider shares an app secret).</summary>
    public static HmacSignatureVerifier Signatures { get; } = new(System.Security.Cryptography.HashAlgorithmName.SHA256, SignatureEncoding.Hex, "loopback-signing-secret", "sha256=");
}
