namespace Omnichannel.Bots.Web.Tests;

/// <summary>Paths in the repository, found from the test binaries by walking up to the folder with Omnichannel.Bots.sln.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository's root folder (the one holding Omnichannel.Bots.sln).</summary>
    public static string Root => RootPath.Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Omnichannel.Bots.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder above '{AppContext.BaseDirectory}' holds Omnichannel.Bots.sln; run the tests from the repository.");
    }
}
