namespace Benchmarks;

/// <summary>What a SQLite <c>journal_mode</c> and <c>synchronous</c> pair promises about a committed write.</summary>
public static class SqliteDurabilityText
{
    public static bool IsDurable(string journalMode, string synchronous) =>
        synchronous is "FULL" or "EXTRA" && journalMode is not ("memory" or "off");

    public static string Meaning(string journalMode, string synchronous) => (journalMode, synchronous) switch
    {
        ("wal", "FULL" or "EXTRA") =>
            "every COMMIT fsyncs the WAL before the turn is reported committed, so a committed turn survives a process crash, an OS crash and power loss",
        ("wal", "NORMAL") =>
            "the WAL is fsynced only at checkpoints: a committed turn survives a process crash, but the last commits can be lost on power loss or an OS crash",
        (_, "OFF") => "no fsync at all: committed turns can be lost or the file corrupted on power loss",
        _ => $"rollback journal '{journalMode}' with synchronous={synchronous}",
    };
}
