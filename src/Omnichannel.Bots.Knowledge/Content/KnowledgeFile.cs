namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// One parsed knowledge file. <see cref="Articles"/> holds what could be built from it (for cross-file checks); a file
/// with errors is not served (<see cref="HasErrors"/>), its last good version keeps serving.
/// </summary>
/// <param name="Path">Relative to the knowledge folder, with '/' separators.</param>
/// <param name="ContentHash">SHA-256 of the file's bytes, lower-case hex.</param>
/// <param name="Articles">The articles read from the file (one for Markdown, one per row or entry for FAQ files).</param>
/// <param name="Diagnostics">The file's own diagnostics (cross-file ones are in <see cref="KnowledgeFolderSnapshot.Diagnostics"/>).</param>
public sealed record KnowledgeFile(string Path, string ContentHash, IReadOnlyList<KnowledgeArticle> Articles, IReadOnlyList<KnowledgeDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == KnowledgeDiagnosticSeverity.Error);
}
