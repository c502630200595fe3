namespace Omnichannel.Bots.Adapters.WhatsApp;

/// <summary>
/// A WhatsApp message's <see cref="BotMessage.RawRepresentation"/>: Meta's message object as received (JSON), the
/// message it replies to (<c>context.id</c>, when the customer swiped to reply or pressed a button under it) and, for
/// a reaction, the message reacted to. <see cref="BotMessage"/> has no field for either, so middleware reads them here.
/// </summary>
public sealed record WhatsAppMessageContext(string Json)
{
    /// <summary>The <c>wamid</c> of the message this one answers (<c>context.id</c>); null when it answers none.</summary>
    public string? ReplyToMessageId { get; init; }

    /// <summary>For a reaction: the <c>wamid</c> of the message the customer reacted to.</summary>
    public string? ReactedToMessageId { get; init; }
}
