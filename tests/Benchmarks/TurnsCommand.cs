using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Omnichannel.Bots.Storage.Sqlite;

namespace Benchmarks;

/// <summary>The <c>turns</c> command: the measured run (group commit, synchronous=FULL), then the baseline, printed side by side.</summary>
public static class TurnsCommand
{
    public const double TargetTurnsPerSecond = 5000;
    public const double TargetP99Ms = 5;

    public static async Task<int> RunAsync(TurnsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = options.DataDirectory is null
            ? Path.Combine(Path.GetTempPath(), "omnibot-bench-" + Guid.NewGuid().ToString("N")[..8])
            : Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(root);
        Console.WriteLine("Omnichannel.Bots turn throughput: the sample support dialog on SQLite, one process");
        Console.WriteLine($"machine          {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, SQLite {SqliteVersion()}");
        Console.WriteLine($"script           SMS, {options.Messages} messages per conversation: {string.Join(", ", Enumerable.Range(0, options.Messages).Select(m => '"' + ConversationScript.Message(0, m, options.Messages).Text + '"'))}");
        Console.WriteLine($"load             {options.Concurrency} conversations in flight (closed loop: next message when the last turn committed); latency = SubmitAndWaitAsync → committed outcome");

        var failed = false;
        try
        {
            var measured = await RunPhaseAsync("measured: group commit, synchronous=FULL", Path.Combine(root, "measured"), options, _ => { }, options.Concurrency);
            failed |= !measured.Ok;
            PrintTarget(measured);

            PhaseResult? baseline = options.Baseline switch
            {
                BaselineKind.NoGroupCommit => await RunPhaseAsync(
                    "baseline: no group commit (MaxWritesPerCommit=1), synchronous=FULL", Path.Combine(root, "baseline"), options, o => o.MaxWritesPerCommit = 1, options.Concurrency),
                BaselineKind.SynchronousNormal => await RunPhaseAsync(
                    "baseline: group commit, synchronous=NORMAL", Path.Combine(root, "baseline"), options, o => o.Synchronous = SqliteDurability.Normal, options.Concurrency),
                BaselineKind.Sequential => await RunPhaseAsync(
                    "baseline: one conversation at a time, group commit, synchronous=FULL", Path.Combine(root, "baseline"), options, _ => { }, concurrency: 1),
                _ => null,
            };
            if (baseline is not null)
            {
                failed |= !baseline.Ok;
                Console.WriteLine();
                Console.WriteLine(
                    $"measured ÷ baseline: {measured.Load.TurnsPerSecond / baseline.Load.TurnsPerSecond:0.00} of the baseline's turns/s; " +
                    $"p99 {measured.Load.PercentileMs(99):0.00} ms against {baseline.Load.PercentileMs(99):0.00} ms");
            }
        }
        finally
        {
            if (options.Keep || options.DataDirectory is not null)
            {
                Console.WriteLine($"kept             {root}");
            }
            else
            {
                TryDelete(root);
            }
        }

        return failed ? 1 : 0;
    }

    private static async Task<PhaseResult> RunPhaseAsync(string title, string directory, TurnsOptions options, Action<SqliteStorageOptions> storage, int concurrency)
    {
        Console.WriteLine();
        Console.WriteLine("== " + title + " ==");
        var bot = await BenchmarkBot.StartAsync(directory, storage);
        await using (bot)
        {
            Console.WriteLine(Row("database", bot.Database.FilePath));
            Console.WriteLine(Row("machine load", MachineFacts.LoadAverage() + " (1/5/15-min load average at the start: other processes share these cores)"));
            var (fsyncP50, fsyncP99) = FsyncProbe.Measure(directory);
            Console.WriteLine(Row("disk fsync", string.Create(CultureInfo.InvariantCulture,
                $"4 KiB append + fsync in that folder: p50 {fsyncP50:0.00} ms, p99 {fsyncP99:0.00} ms (a durable turn waits for two: inbox append, turn commit)")));
            var warmUp = await TurnLoad.RunAsync(bot, "warm", 0, options.WarmUpConversations, options.Messages, concurrency);
            var (commitsBefore, writesBefore) = bot.Database.CommitStatistics;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var gcBefore = GC.CollectionCount(0);
            var load = await TurnLoad.RunAsync(bot, "run", options.WarmUpConversations, options.Conversations, options.Messages, concurrency);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var gcs = GC.CollectionCount(0) - gcBefore;
            var (commitsAfter, writesAfter) = bot.Database.CommitStatistics;
            var drainClock = Stopwatch.StartNew();
            var drained = await bot.WaitForDrainAsync(warmUp.Replies + load.Replies, TimeSpan.FromSeconds(60));
            drainClock.Stop();
            var (outbox, journalFromOwnConnection) = bot.Inspect();
            var durable = SqliteDurabilityText.IsDurable(bot.Database.JournalMode, bot.Database.Synchronous);

            Console.WriteLine(Row("journal_mode", $"{bot.Database.JournalMode} (writer connection; a fresh connection to the file reads '{journalFromOwnConnection}')"));
            Console.WriteLine(Row("synchronous", $"{bot.Database.Synchronous} (writer connection): {SqliteDurabilityText.Meaning(bot.Database.JournalMode, bot.Database.Synchronous)}"));
            Console.WriteLine(Row("warm-up", $"{warmUp.Turns} turns ({options.WarmUpConversations} conversations), not measured"));
            Console.WriteLine(Row("turns", $"{load.Turns} ({options.Conversations} conversations × {options.Messages} messages, {concurrency} in flight)"));
            Console.WriteLine(Row("seconds", load.Elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)));
            Console.WriteLine(Row("turns/s", load.TurnsPerSecond.ToString("0", CultureInfo.InvariantCulture)));
            Console.WriteLine(Row("latency ms", string.Create(CultureInfo.InvariantCulture,
                $"p50 {load.PercentileMs(50):0.00}  p90 {load.PercentileMs(90):0.00}  p99 {load.PercentileMs(99):0.00}  max {load.MaxMs:0.00}")));
            var commits = commitsAfter - commitsBefore;
            var writes = writesAfter - writesBefore;
            Console.WriteLine(Row("transactions", string.Create(CultureInfo.InvariantCulture,
                $"{writes} writes in {commits} COMMITs ({(commits == 0 ? 0 : (double)writes / commits):0.0} per COMMIT; {(double)commits / load.Turns:0.00} COMMITs per turn)")));
            Console.WriteLine(Row("process cpu", string.Create(CultureInfo.InvariantCulture,
                $"{cpu.TotalSeconds:0.00} s over {load.Elapsed.TotalSeconds:0.00} s wall ({cpu.TotalSeconds / load.Elapsed.TotalSeconds:0.00} cores), {gcs} gen0 GCs")));
            Console.WriteLine(Row("scripted replies", load.Unexpected == 0
                ? $"all {load.Turns} turns completed with the expected reply"
                : $"{load.Unexpected} of {load.Turns} turns did NOT answer as scripted; first: {load.FirstProblem}"));
            Console.WriteLine(Row("outbox", string.Create(CultureInfo.InvariantCulture,
                $"{(drained ? "drained" : "NOT drained")} {drainClock.Elapsed.TotalMilliseconds:0} ms after the last turn: {bot.Channel.Sent} of {warmUp.Replies + load.Replies} replies " +
                $"handed to the channel; rows {string.Join(", ", outbox.Select(kv => $"{kv.Key}={kv.Value}"))}")));
            var pending = outbox.GetValueOrDefault("pending");
            return new PhaseResult(load, durable, fsyncP50, Ok: load.Unexpected == 0 && drained && pending == 0 && warmUp.Unexpected == 0);
        }
    }

    private static void PrintTarget(PhaseResult measured)
    {
        var load = measured.Load;
        var throughputMet = load.TurnsPerSecond >= TargetTurnsPerSecond;
        var latencyMet = load.PercentileMs(99) <= TargetP99Ms;
        Console.WriteLine(Row("target", string.Create(CultureInfo.InvariantCulture,
            $"{(throughputMet && latencyMet && measured.Durable ? "MET" : "MISSED")}: {load.TurnsPerSecond:0} turns/s {(throughputMet ? "≥" : "<")} {TargetTurnsPerSecond:0}; " +
            $"p99 {load.PercentileMs(99):0.00} ms {(latencyMet ? "≤" : ">")} {TargetP99Ms:0} ms; every turn durable: {(measured.Durable ? "yes" : "NO")}")));
        var floor = 2 * measured.FsyncP50Ms;
        if (measured.Durable && floor > TargetP99Ms)
        {
            Console.WriteLine(Row("", string.Create(CultureInfo.InvariantCulture,
                $"(a durable turn waits for two fsyncs; at this disk's p50 that alone is {floor:0.00} ms, above the p99 target)")));
        }
    }

    internal static string SqliteVersion()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        return connection.ServerVersion;
    }

    private static string Row(string name, string value) => name.PadRight(17) + value;

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS's temp cleanup.
        }
    }

    private sealed record PhaseResult(LoadResult Load, bool Durable, double FsyncP50Ms, bool Ok);
}
