namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>The buttons offered with a bot message.</summary>
/// <param name="Actions">One per choice, in order.</param>
internal sealed record DirectLineSuggestedActions(IReadOnlyList<DirectLineCardAction> Actions);
