namespace Omnichannel.Bots.Storage;

/// <summary>
/// The choices the bot's last reply offered in a conversation, and whether the channel showed them as numbered
/// options, so that a reply of "2" or an option's title maps back to the choice.
/// </summary>
public sealed record OfferedChoices(IReadOnlyList<Choice> Choices, bool Numbered);
