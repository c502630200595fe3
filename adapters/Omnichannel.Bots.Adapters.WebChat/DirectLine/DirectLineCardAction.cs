namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>A suggested action.</summary>
/// <param name="Type"><c>imBack</c>: Web Chat posts <paramref name="Value"/> as the customer's text and shows it.</param>
/// <param name="Title">The button's label.</param>
/// <param name="Value">What a tap sends.</param>
internal sealed record DirectLineCardAction(string Type, string Title, string Value);
