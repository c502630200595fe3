using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Rendering;

/// <summary>
/// A reply as one channel receives it: the messages to send, in order (none when there is nothing the channel can
/// show), and the choices they offered, so that the customer's answer maps back to a choice.
/// </summary>
public sealed record RenderedReply(IReadOnlyList<BotMessage> Messages, OfferedChoices? OfferedChoices);
