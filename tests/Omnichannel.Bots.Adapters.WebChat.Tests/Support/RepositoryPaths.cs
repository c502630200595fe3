namespace Omnichannel.Bots.Adapters.WebChat.Tests;

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SupportBotSample => Path.Combine(Root, "samples", "SupportBot");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Omnichannel.Bots.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Omnichannel.Bots.sln not found above " + AppContext.BaseDirectory);
    }
}
