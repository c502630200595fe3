namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>
/// One message as the provider or client received it, normalized: its text as sent (with the channel's markup), its
/// buttons, and its length as the channel measures it against <see cref="ChannelCapabilities.MaxTextLength"/>
/// (Telegram: UTF-16 code units after its HTML entities are parsed; SMS: characters of the body; web chat: UTF-16 code units).
/// </summary>
/// <param name="Text">The text as sent; empty when there is none.</param>
/// <param name="Buttons">Its buttons, in order; empty when there are none.</param>
/// <param name="MeasuredLength">How long the channel counts <paramref name="Text"/> to be.</param>
public sealed record OutboundMessage(string Text, IReadOnlyList<OutboundButton> Buttons, int MeasuredLength)
{
    /// <summary>True when <see cref="Buttons"/> are the rows of a list (WhatsApp's interactive list), held to <see cref="ChannelCapabilities.ChoiceList"/>.</summary>
    public bool IsList { get; init; }
}
