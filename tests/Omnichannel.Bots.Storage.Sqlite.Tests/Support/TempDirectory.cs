namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>A data directory for one test, deleted with everything in it when the test ends.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("omnibot-delivery-").FullName;
    }

    public string Path { get; }

    public string DatabaseFile => System.IO.Path.Combine(Path, "bot.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A killed child process may still hold a file for a moment; the OS cleans the temp folder.
        }
    }
}
