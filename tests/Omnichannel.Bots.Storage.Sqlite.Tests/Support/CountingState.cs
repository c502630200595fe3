namespace Omnichannel.Bots.Storage.Sqlite.Tests;

public sealed class CountingState
{
    public int Count { get; set; }
}
