namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>The rules file could not be used at start: its message lists every <c>file:line: error: message</c>.</summary>
public sealed class RoutingRulesException : Exception
{
    public RoutingRulesException(string file, IReadOnlyList<RoutingDiagnostic> diagnostics)
        : base($"The routing rules file {file} cannot be used; fix it and start again:{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics)}")
    {
        File = file;
        Diagnostics = diagnostics;
    }

    public string File { get; }

    public IReadOnlyList<RoutingDiagnostic> Diagnostics { get; }
}
