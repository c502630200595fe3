namespace Omnichannel.Bots.Knowledge;

/// <summary>A problem an editor can act on, printed as <c>file:line: error: message</c>.</summary>
public sealed record KnowledgeDiagnostic(KnowledgeSource Source, KnowledgeDiagnosticSeverity Severity, string Message)
{
    public override string ToString() =>
        $"{Source}: {(Severity == KnowledgeDiagnosticSeverity.Error ? "error" : "warning")}: {Message}";
}
