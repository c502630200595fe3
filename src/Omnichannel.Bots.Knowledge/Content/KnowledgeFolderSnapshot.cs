namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Everything read from a knowledge folder at one moment: the parsed files, every diagnostic (each file's own plus the
/// cross-file ones of <see cref="KnowledgeSetValidator"/>), and the articles that can be served.
/// </summary>
public sealed class KnowledgeFolderSnapshot
{
    private KnowledgeFolderSnapshot(IReadOnlyList<KnowledgeFile> files, IReadOnlySet<string> existingFiles, IReadOnlyList<KnowledgeDiagnostic> diagnostics)
    {
        Files = files;
        ExistingFiles = existingFiles;
        Diagnostics = diagnostics;
        var filesWithErrors = diagnostics.Where(d => d.Severity == KnowledgeDiagnosticSeverity.Error).Select(d => d.Source.File).ToHashSet(StringComparer.Ordinal);
        Articles = [.. files.Where(f => !filesWithErrors.Contains(f.Path)).SelectMany(f => f.Articles)];
        HasErrors = filesWithErrors.Count > 0;
    }

    /// <summary>The knowledge files (.md, .csv, .yaml, .yml), ordered by path.</summary>
    public IReadOnlyList<KnowledgeFile> Files { get; }

    /// <summary>Every file found in the folder (knowledge files and others, such as ignored ones), for link checks.</summary>
    public IReadOnlySet<string> ExistingFiles { get; }

    /// <summary>All diagnostics, ordered by file and line.</summary>
    public IReadOnlyList<KnowledgeDiagnostic> Diagnostics { get; }

    /// <summary>The articles of the files that have no error (neither their own nor a cross-file one).</summary>
    public IReadOnlyList<KnowledgeArticle> Articles { get; }

    public bool HasErrors { get; }

    public int ErrorCount => Diagnostics.Count(d => d.Severity == KnowledgeDiagnosticSeverity.Error);

    public int WarningCount => Diagnostics.Count(d => d.Severity == KnowledgeDiagnosticSeverity.Warning);

    /// <summary>
    /// Builds a snapshot from parsed files (for example the folder's files with one re-parsed): runs the cross-file
    /// checks on all their articles. <paramref name="folderDiagnostics"/> are problems with the folder itself.
    /// </summary>
    public static KnowledgeFolderSnapshot Create(IEnumerable<KnowledgeFile> files, IReadOnlySet<string> existingFiles, IEnumerable<KnowledgeDiagnostic>? folderDiagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(existingFiles);
        var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var crossFile = KnowledgeSetValidator.Validate([.. ordered.SelectMany(f => f.Articles)], existingFiles);
        var diagnostics = (folderDiagnostics ?? [])
            .Concat(ordered.SelectMany(f => f.Diagnostics))
            .Concat(crossFile)
            .Select((d, i) => (d, i))
            .OrderBy(x => x.d.Source.File, StringComparer.Ordinal)
            .ThenBy(x => x.d.Source.Line)
            .ThenBy(x => x.i)
            .Select(x => x.d)
            .ToList();
        return new KnowledgeFolderSnapshot(ordered, existingFiles, diagnostics);
    }
}
