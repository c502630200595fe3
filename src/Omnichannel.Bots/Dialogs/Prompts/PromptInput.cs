using System.Globalization;

namespace Omnichannel.Bots;

/// <summary>
/// A customer's answer as prompts read it: the text, the value of a picked choice, the customer's culture, the
/// date today in the bot's time zone, and the region assumed for phone numbers without a country code.
/// </summary>
public sealed record PromptInput(string? Text, string? Value, CultureInfo Culture, DateOnly Today, string PhoneRegion);
