namespace Omnichannel.Bots.Knowledge;

/// <summary>Collects the diagnostics of one file while it is parsed.</summary>
internal sealed class DiagnosticBag(string file)
{
    private readonly List<KnowledgeDiagnostic> _items = [];

    public string File { get; } = file;

    /// <summary>The diagnostics in line order (stable: same-line ones in the order they were found).</summary>
    public IReadOnlyList<KnowledgeDiagnostic> Items => [.. _items.OrderBy(d => d.Source.Line)];

    public bool HasErrors => _items.Exists(d => d.Severity == KnowledgeDiagnosticSeverity.Error);

    public void Error(int line, string message) =>
        _items.Add(new KnowledgeDiagnostic(new KnowledgeSource(File, line), KnowledgeDiagnosticSeverity.Error, message));

    public void Warning(int line, string message) =>
        _items.Add(new KnowledgeDiagnostic(new KnowledgeSource(File, line), KnowledgeDiagnosticSeverity.Warning, message));
}
