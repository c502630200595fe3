namespace Omnichannel.Bots;

/// <summary>
/// A message template the provider approved in advance (WhatsApp), the only kind of message a channel with a reply
/// window accepts once the window has closed: its <see cref="Name"/>, its <see cref="Language"/> code as registered
/// (<c>en_US</c>) and the values of its numbered placeholders, in order.
/// </summary>
public sealed record MessageTemplate(string Name, string Language)
{
    /// <summary>The values of the body's <c>{{1}}</c>, <c>{{2}}</c>, ... in order.</summary>
    public IReadOnlyList<string> BodyParameters { get; init; } = [];

    /// <summary>The values of a text header's placeholders, in order (most templates have none).</summary>
    public IReadOnlyList<string> HeaderParameters { get; init; } = [];
}
