namespace Omnichannel.Bots.Web.Tests;

/// <summary>
/// Files a test leaves behind for people to look at (screenshots): tests/.results/artifacts/TEST/FILE in the repository.
/// tests/run.sh empties tests/.results at the start of each run, so the folder holds the last run's artifacts.
/// </summary>
public static class Artifacts
{
    /// <summary>tests/.results/artifacts in the repository.</summary>
    public static string Root => Path.Combine(RepoPaths.Root, "tests", ".results", "artifacts");

    /// <summary>
    /// The path for <paramref name="fileName"/> of test <paramref name="testName"/>, its folder created. The test name
    /// becomes a folder name (characters not allowed in one become '_'); the file name must be a plain name.
    /// </summary>
    public static string PathFor(string testName, string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(testName);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (Path.GetFileName(fileName) != fileName || fileName is "." or "..")
        {
            throw new ArgumentException($"'{fileName}' is not a plain file name.", nameof(fileName));
        }

        var invalid = Path.GetInvalidFileNameChars();
        var folder = new string(testName.Select(c => invalid.Contains(c) ? '_' : c).ToArray());
        if (folder is "." or "..")
        {
            folder = folder.Replace('.', '_');
        }

        var directory = Path.Combine(Root, folder);
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, fileName);
    }
}
