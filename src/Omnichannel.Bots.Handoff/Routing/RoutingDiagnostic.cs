namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>
/// A problem in a rules file, printed as <c>file:line: error: message</c> (<c>file: error: message</c> when it
/// concerns the whole file, <see cref="Line"/> 0: a file that is missing or cannot be read).
/// </summary>
public sealed record RoutingDiagnostic(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: error: {Message}" : $"{File}: error: {Message}";
}
