namespace Omnichannel.Bots.Cli;

/// <summary>What bringing the index up to date did.</summary>
internal sealed record KbIndexReport(int Articles, int Chunks, int Embedded, int Unchanged, int Removed, TimeSpan Elapsed, string DatabasePath);
