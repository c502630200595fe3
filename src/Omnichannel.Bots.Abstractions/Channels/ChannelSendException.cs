namespace Omnichannel.Bots;

/// <summary>
/// A provider refused or failed a send. <see cref="IsTransient"/> says whether trying again can succeed (a 429, a
/// 5xx, a timeout); a permanent failure (a closed 24-hour window, an opted-out number) is not retried.
/// <see cref="Unreachable"/> says the chat itself cannot be reached any more (the customer blocked the bot): the
/// outbox records that on the conversation and stops sending there until the customer writes again.
/// </summary>
public sealed class ChannelSendException : Exception
{
    public ChannelSendException(string message, bool isTransient, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        RetryAfter = retryAfter;
    }

    public bool IsTransient { get; }

    /// <summary>How long the provider asked us to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The provider's own error code (an HTTP status, WhatsApp's <c>131047</c>, Twilio's <c>21610</c>), when it gave one.</summary>
    public string? ProviderCode { get; init; }

    /// <summary>True when the recipient cannot be reached on this chat at all (blocked the bot, deleted the chat); never transient.</summary>
    public bool Unreachable { get; init; }

    /// <summary>
    /// True when the provider refused because the recipient opted out of messages (Twilio's 21610 after STOP): the
    /// outbox records the opt-out as if the customer's keyword had been seen, so only an opt-in lifts it. Never transient.
    /// </summary>
    public bool OptedOut { get; init; }

    /// <summary>
    /// True when the provider refused a free-form message because the channel's reply window has closed (WhatsApp's
    /// <c>131047</c>, Messenger's outside-the-window error): the outbox fails the row with the same words as its own
    /// window check. Never transient.
    /// </summary>
    public bool WindowClosed { get; init; }

    /// <summary>A permanent failure because the channel's reply window has closed on the provider's side.</summary>
    public static ChannelSendException ReplyWindowClosed(string message, string? providerCode = null, Exception? innerException = null) =>
        new(message, isTransient: false, innerException: innerException) { ProviderCode = providerCode, WindowClosed = true };

    /// <summary>A permanent failure because the recipient opted out of messages on the channel.</summary>
    public static ChannelSendException RecipientOptedOut(string message, string? providerCode = null, Exception? innerException = null) =>
        new(message, isTransient: false, innerException: innerException) { ProviderCode = providerCode, OptedOut = true };

    /// <summary>A permanent failure because the recipient blocked the bot or left the chat.</summary>
    public static ChannelSendException RecipientUnreachable(string message, string? providerCode = null, Exception? innerException = null) =>
        new(message, isTransient: false, innerException: innerException) { ProviderCode = providerCode, Unreachable = true };
}
