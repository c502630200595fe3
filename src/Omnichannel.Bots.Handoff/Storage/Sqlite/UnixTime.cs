namespace Omnichannel.Bots.Handoff.Storage.Sqlite;

/// <summary>Timestamps are stored as Unix milliseconds (UTC), as in the core tables.</summary>
internal static class UnixTime
{
    public static long Of(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static DateTimeOffset From(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}
