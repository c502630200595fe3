namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>A button as the provider or client received it.</summary>
/// <param name="Title">The text the customer sees on it.</param>
/// <param name="Payload">What pressing it sends back (Telegram's <c>callback_data</c>, a reply button's id, Direct Line's <c>imBack</c> value).</param>
public sealed record OutboundButton(string Title, string Payload);
