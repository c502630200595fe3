namespace Omnichannel.Bots.Recognizers;

/// <summary>A value found in a customer's text, with where it was: <paramref name="Start"/> and <paramref name="Length"/> index the original text.</summary>
public readonly record struct Recognized<T>(T Value, int Start, int Length);
