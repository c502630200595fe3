namespace Omnichannel.Bots.Handoff.Tests.Support;

internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string PacketSchema => Path.Combine(Root, "src", "Omnichannel.Bots.Abstractions", "Handoff", "handoff-packet.schema.json");

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
