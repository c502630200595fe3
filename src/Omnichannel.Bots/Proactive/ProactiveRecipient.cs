namespace Omnichannel.Bots;

/// <summary>
/// A chat to write to first: the channel, the bot's account on it and the chat id as the channel's inbound messages
/// carry them (WhatsApp: the phone number id as the account and the customer's E.164 number without <c>+</c> as the
/// chat id). <see cref="PhoneNumber"/> and <see cref="Email"/> are identities the caller vouches for (a verified number
/// from the customer's account): they join the chat to the customer already known by them, linked with
/// provenance <see cref="Customers.IdentityProvenance.SignedIdentity"/> (the caller's system signs for them).
/// </summary>
public sealed record ProactiveRecipient
{
    public ProactiveRecipient(ChannelId channel, string account, string chatId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(chatId);
        Channel = channel;
        Account = account;
        ChatId = chatId;
    }

    public ChannelId Channel { get; }

    public string Account { get; }

    public string ChatId { get; }

    /// <summary>The customer's verified phone number in E.164 (<c>+15551234567</c>); null when not known.</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>The customer's verified email address; null when not known.</summary>
    public string? Email { get; init; }

    /// <summary>A BCP 47 language tag for a new conversation (as an inbound message's <see cref="BotMessage.Locale"/>); null when not known.</summary>
    public string? Locale { get; init; }

    public ConversationAddress Address => new(Account, ChatId);
}
