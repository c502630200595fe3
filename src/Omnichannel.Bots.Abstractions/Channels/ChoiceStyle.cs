namespace Omnichannel.Bots;

/// <summary>How an outbound message shows its choices; the reply renderer picks it from the channel's capabilities.</summary>
public enum ChoiceStyle
{
    /// <summary>Buttons (or quick replies) within <see cref="ChannelCapabilities.MaxButtons"/> and <see cref="ChannelCapabilities.MaxButtonTitleLength"/>.</summary>
    Buttons,

    /// <summary>A list the customer opens and picks a row from (WhatsApp's interactive list), within <see cref="ChannelCapabilities.ChoiceList"/>.</summary>
    List,
}
