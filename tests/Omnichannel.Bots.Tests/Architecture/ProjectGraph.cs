using System.Xml.Linq;

namespace Omnichannel.Bots.Tests.Architecture;

/// <summary>
/// Reads the project graph from <c>.csproj</c> files: each project's name (its file name) and the names of the
/// projects its <c>ProjectReference</c> elements point at (every one, whatever its metadata), following references
/// into projects outside the folders read so a chain through them is seen.
/// </summary>
internal static class ProjectGraph
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Load(string root, params string[] folders)
    {
        var graph = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var pending = new Queue<string>(folders
            .Select(f => Path.Combine(root, f))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.csproj", SearchOption.AllDirectories))
            .Where(p => !IsBuildOutput(Path.GetRelativePath(root, p)))
            .Order(StringComparer.Ordinal));
        var read = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var project))
        {
            var path = Path.GetFullPath(project);
            if (!read.Add(path))
            {
                continue;
            }

            var references = References(path);
            graph[NameOf(path)] = references.Select(NameOf).ToList();
            foreach (var reference in references.Where(File.Exists))
            {
                pending.Enqueue(reference);
            }
        }

        return graph;
    }

    /// <summary>The full paths of the projects <paramref name="projectPath"/> references (Windows separators accepted).</summary>
    public static IReadOnlyList<string> References(string projectPath)
    {
        var directory = Path.GetDirectoryName(projectPath)!;
        return XDocument.Load(projectPath)
            .Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => (string?)e.Attribute("Include"))
            .Where(include => !string.IsNullOrWhiteSpace(include))
            .Select(include => Path.GetFullPath(Path.Combine(directory, include!.Replace('\\', Path.DirectorySeparatorChar))))
            .ToList();
    }

    private static string NameOf(string projectPath) => Path.GetFileNameWithoutExtension(projectPath);

    private static bool IsBuildOutput(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");
}
