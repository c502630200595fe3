namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// <c>channelData.history</c> of a message a signed-in visitor sees from another channel: the channel's id
/// (<c>sms</c>) and its name for people (<c>SMS</c>), which the widget shows next to the message.
/// </summary>
internal sealed record DirectLineHistoryLabel(string Channel, string ChannelName);
