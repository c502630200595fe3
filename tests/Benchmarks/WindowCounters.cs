namespace Benchmarks;

/// <summary>Counters read at the start and at the end of the measured window; the differences are what the window cost.</summary>
public sealed record WindowCounters(TimeSpan ProcessCpu, TimeSpan? HostCpu, int Gen0, int Gen2, long Commits, long Writes)
{
    /// <param name="host">The host; its database's commit counters are read when it runs in this process.</param>
    /// <param name="hostPid">The host's process id when it runs elsewhere and its CPU time should be read too.</param>
    public static WindowCounters Read(SupportBotHost host, int? hostPid)
    {
        ArgumentNullException.ThrowIfNull(host);
        var (commits, writes) = host.Database?.CommitStatistics ?? (0, 0);
        return new WindowCounters(
            Benchmarks.ProcessCpu.OfThisProcess(),
            hostPid is { } pid ? Benchmarks.ProcessCpu.OfProcess(pid) : null,
            GC.CollectionCount(0),
            GC.CollectionCount(2),
            commits,
            writes);
    }
}
