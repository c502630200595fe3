using System.Collections.Concurrent;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Reads a knowledge folder recursively into a <see cref="KnowledgeFolderSnapshot"/>. Skips files and folders whose
/// name starts with '.' or '_', the folder's root <c>README.md</c>, <c>bin</c>/<c>obj</c> folders and symbolic links to
/// folders (no cycles); files with other extensions are listed in <see cref="KnowledgeFolderSnapshot.ExistingFiles"/>
/// (link targets) but not parsed. Never throws for
/// a bad folder or file: a missing folder or an unreadable file is a diagnostic, so a bot still starts and shows it.
/// </summary>
public sealed class KnowledgeFolderReader
{
    /// <summary>How many files are read and parsed at once (default: the processor count).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Reads and parses every knowledge file of <paramref name="folder"/> and runs the cross-file checks.</summary>
    public async Task<KnowledgeFolderSnapshot> ReadAsync(string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            var message = File.Exists(folder) ? $"'{folder}' is a file, not a knowledge folder" : $"knowledge folder '{folder}' not found";
            return KnowledgeFolderSnapshot.Create([], new HashSet<string>(), [Folder(folder, message)]);
        }

        var existing = new HashSet<string>(StringComparer.Ordinal);
        var folderDiagnostics = new List<KnowledgeDiagnostic>();
        var root = Path.GetFullPath(folder);
        Walk(root, root, existing, folderDiagnostics, folder.TrimEnd('/', '\\') is { Length: > 0 } shown ? shown : folder);
        var knowledgeFiles = existing.Where(p => !IsIgnored(p) && KnowledgeFileParser.IsKnowledgeFileName(p)).ToList();

        var files = new ConcurrentBag<KnowledgeFile>();
        await Parallel.ForEachAsync(
            knowledgeFiles,
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Math.Max(1, MaxDegreeOfParallelism) },
            async (path, ct) => files.Add(await ReadFileAsync(root, path, ct).ConfigureAwait(false))).ConfigureAwait(false);
        return KnowledgeFolderSnapshot.Create(files, existing, folderDiagnostics);
    }

    /// <summary>
    /// Reads and parses one file of the folder (for re-parsing just a changed file); <paramref name="relativePath"/> is
    /// relative to <paramref name="folder"/> with '/' separators. An unreadable file is a diagnostic.
    /// </summary>
    public static async Task<KnowledgeFile> ReadFileAsync(string folder, string relativePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(relativePath);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(Path.Combine(folder, relativePath), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return KnowledgeFileParser.Unreadable(relativePath, ex.Message);
        }

        return KnowledgeFileParser.Parse(relativePath, bytes);
    }

    /// <summary>
    /// True for a path (relative, '/' separators) the reader skips: a file or folder starting with '.' or '_', a
    /// <c>bin</c> or <c>obj</c> folder, or the root <c>README.md</c>. A file watcher uses the same rule.
    /// </summary>
    public static bool IsIgnored(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var parts = relativePath.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1 && string.Equals(parts[0], "README.md", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.StartsWith('.') || part.StartsWith('_') || (i < parts.Length - 1 && part is "bin" or "obj"))
            {
                return true;
            }
        }

        return false;
    }

    private static void Walk(string root, string directory, HashSet<string> existing, List<KnowledgeDiagnostic> diagnostics, string shownRoot)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0, ReturnSpecialDirectories = false };
        try
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*", options))
            {
                existing.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
            }

            foreach (var sub in Directory.EnumerateDirectories(directory, "*", options))
            {
                var name = Path.GetFileName(sub);
                if (name.StartsWith('.') || name is "bin" or "obj" || new DirectoryInfo(sub).LinkTarget is not null)
                {
                    continue;
                }

                Walk(root, sub, existing, diagnostics, shownRoot);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var relative = Path.GetRelativePath(root, directory).Replace('\\', '/');
            diagnostics.Add(Folder(relative == "." ? shownRoot : relative, $"cannot read the folder: {ex.Message}"));
        }
    }

    private static KnowledgeDiagnostic Folder(string path, string message) =>
        new(new KnowledgeSource(path, 0), KnowledgeDiagnosticSeverity.Error, message);
}
