namespace Omnichannel.Bots.TestSupport;

/// <summary>
/// Finds the repository's test data (<c>tests/data</c>; each file's source, licence and sha256 in
/// <c>tests/data/README.md</c>) from the running binaries, by walking up to the checkout's <c>Omnichannel.Bots.sln</c>.
/// One source file, linked into every project that reads the data (the knowledge tests and the benchmarks).
/// </summary>
internal static class TestData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The checkout's root folder (the one holding <c>Omnichannel.Bots.sln</c>).</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The <c>tests/data</c> folder.</summary>
    public static string Folder => Path.Combine(RepositoryRoot, "tests", "data");

    /// <summary>
    /// The full path of <c>tests/data/<paramref name="parts"/></c>, for example <c>File("banking77", "train.csv")</c>.
    /// Throws <see cref="FileNotFoundException"/> naming the repository path when the file is not there.
    /// </summary>
    public static string File(params string[] parts)
    {
        var path = Path.Combine([Folder, .. parts]);
        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Test data file tests/data/{string.Join('/', parts)} is missing from this checkout (looked at '{path}'); tests/data/README.md lists the files and where each comes from.",
                path);
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "Omnichannel.Bots.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Omnichannel.Bots.sln was not found above '{AppContext.BaseDirectory}': run the tests and benchmarks from a checkout of the repository.");
    }
}
