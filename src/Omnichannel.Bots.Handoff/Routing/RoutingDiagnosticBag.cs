namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>Collects the diagnostics of one rules file while it is read.</summary>
internal sealed class RoutingDiagnosticBag(string file)
{
    private readonly List<RoutingDiagnostic> _items = [];

    public string File { get; } = file;

    /// <summary>The diagnostics in line order (same-line ones in the order they were found).</summary>
    public IReadOnlyList<RoutingDiagnostic> Items => [.. _items.OrderBy(d => d.Line)];

    public bool HasErrors => _items.Count > 0;

    public void Error(int line, string message) => _items.Add(new RoutingDiagnostic(File, line, message));
}
