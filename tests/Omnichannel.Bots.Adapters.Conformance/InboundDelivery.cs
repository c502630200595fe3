namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>
/// A customer's message for the driver to deliver in the provider's format: a text, or the press of a button the
/// customer was shown. The driver maps <see cref="Customer"/> to a chat, phone number or conversation of its own
/// (the same one every time for the same key), and <see cref="ProviderMessageId"/> likewise where its provider's ids
/// are numbers (Telegram's <c>update_id</c>): the same key always gives the same id, different keys different ids.
/// </summary>
/// <param name="Customer">The suite's key for a customer ("customer-1"); each case uses its own.</param>
public sealed record InboundDelivery(string Customer)
{
    /// <summary>What the customer typed; null when this is a <see cref="Press"/>.</summary>
    public string? Text { get; init; }

    /// <summary>The button the customer pressed (one of <see cref="OutboundMessage.Buttons"/>); null for a text.</summary>
    public OutboundButton? Press { get; init; }

    /// <summary>The provider's id for this delivery (<c>update_id</c>, <c>wamid</c>, <c>MessageSid</c>, <c>clientActivityID</c>); a fresh unique one when null. The same id twice is a duplicate delivery.</summary>
    public string? ProviderMessageId { get; init; }

    public Credential Credential { get; init; } = Credential.Valid;
}
