namespace Omnichannel.Bots.Knowledge;

/// <summary>Collects the diagnostics of one file while it is parsed.</summary>
internal sealed class DiagnosticBag(string file)
{
    private readonly List<KnowledgeDiagnostic> _items = [];

    public string File { get; } = file;

    public IReadOnlyList<KnowledgeDiagnostic> Items => _items;

    public bool HasErrors => _items.Exists(d => d.Severity == KnowledgeDiagnosticSeverity.Error);

    public void Error(int line, string message) =>
        _items.Add(new KnowledgeDiagnostic(new KnowledgeSource(File, line), KnowledgeDiagnosticSeverity.Error, message));

    public void Warning(int line, string message) =>
        _items.Add(new KnowledgeDiagnostic(new KnowledgeSource(File, line), KnowledgeDiagnosticSeverity.Warning, message));
}
