using System.Globalization;
using static Benchmarks.WebChatCommand;

namespace Benchmarks;

/// <summary>
/// One run of the <c>webchat</c> command: a host (in-process: a fresh one), N conversations opened and held open,
/// the closed-loop load over them (warm-up, then the measured window), the check that every stream is still open,
/// then every stream closed from our side. Prints as it goes.
/// </summary>
public static class WebChatPhase
{
    private const int ProblemsShown = 5;

    /// <summary>The warm-up waits for every conversation's first answer, but not longer than this.</summary>
    private static readonly TimeSpan MaximumWarmUp = TimeSpan.FromMinutes(2);

    public static async Task<WebChatPhaseResult> RunAsync(string title, int conversations, WebChatLoadOptions options, string directory)
    {
        ArgumentNullException.ThrowIfNull(options);
        Console.WriteLine();
        Console.WriteLine("== " + title + " ==");
        Console.WriteLine(Row("machine load", MachineFacts.LoadAverage()));
        using var gauge = options.InProcess ? new KestrelConnectionGauge() : null;
        var host = options.InProcess
            ? await SupportBotHost.StartInProcessAsync(directory, [.. WebChatLoadOptions.UnlimitedRates, .. options.HostSettings])
            : SupportBotHost.Remote(options.Url!, options.Secret!);
        await using (host)
        {
            PrintDurability(host);
            Console.WriteLine(Row("connections", host.ConnectionLimits));
            using var client = new DirectLineClient(host.BaseUrl, host.Secret);
            var opened = await ConversationOpener.OpenAsync(client, conversations, options.OpenParallelism);
            Console.WriteLine(Row("opened", string.Create(CultureInfo.InvariantCulture,
                $"{opened.Open.Count} of {conversations} conversations with their WebSockets in {opened.Elapsed.TotalSeconds:0.0} s " +
                $"({opened.Open.Count / opened.Elapsed.TotalSeconds:0}/s); {opened.Failures.Count} failed{(opened.Failures.Count == 0 ? string.Empty : ", first: " + opened.Failures[0])}; " +
                $"this process has {MachineFacts.OpenFiles()?.ToString(CultureInfo.InvariantCulture) ?? "?"} files open")));
            if (gauge is not null)
            {
                Console.WriteLine(Row("server sees", $"{gauge.Upgraded} WebSockets open, {gauge.Active} connections in all, {gauge.Rejected} rejected (Kestrel's metrics)"));
            }

            if (opened.Open.Count == 0)
            {
                return new WebChatPhaseResult(new ChatLoadResult(new([]), new([]), TimeSpan.FromSeconds(1), 0), 0, 0, double.NaN, Ok: false);
            }

            var window = await MeasureAsync(client, host, opened.Open, options, gauge);
            var result = Print(window, opened.Open, options);
            return result with { Ok = result.Ok && opened.Failures.Count == 0 };
        }
    }

    private static void PrintDurability(SupportBotHost host)
    {
        if (host.Database is not { } database)
        {
            Console.WriteLine(Row("durability", "set by the host at --url (Storage:Synchronous, default WAL + FULL); not visible over HTTP"));
            return;
        }

        var (fsyncP50, fsyncP99) = FsyncProbe.Measure(Path.GetDirectoryName(database.FilePath)!);
        Console.WriteLine(Row("database", database.FilePath));
        Console.WriteLine(Row("journal_mode", database.JournalMode + " (the host's writer connection)"));
        Console.WriteLine(Row("synchronous", $"{database.Synchronous}: {SqliteDurabilityText.Meaning(database.JournalMode, database.Synchronous)}"));
        Console.WriteLine(Row("disk fsync", string.Create(CultureInfo.InvariantCulture, $"4 KiB append + fsync in that folder: p50 {fsyncP50:0.00} ms, p99 {fsyncP99:0.00} ms")));
    }

    /// <summary>Warm-up, the measured window, then every sender stopped and every stream closed from our side.</summary>
    private static async Task<MeasuredWindow> MeasureAsync(
        DirectLineClient client, SupportBotHost host, IReadOnlyList<ChatConversation> open, WebChatLoadOptions options, KestrelConnectionGauge? gauge)
    {
        var concurrency = options.ConcurrencyFor(open.Count);
        var load = ClosedLoopChat.Start(client, open, concurrency);
        var timeline = new ThroughputTimeline(() => load.RoundTrips);
        var warmUp = await load.WarmUpAsync(options.WarmUp, MaximumWarmUp);
        var answeredInWarmUp = open.Count(c => c.Sent > 0);
        var before = WindowCounters.Read(host, options.ServerPid);
        load.BeginMeasuring();
        await Task.Delay(options.Duration);
        load.EndMeasuring();
        var after = WindowCounters.Read(host, options.ServerPid);
        await timeline.DisposeAsync();
        var openAtEnd = open.Count(c => c.Stream == StreamState.Open);
        var serverAtEnd = (gauge is null ? string.Empty : $"; the server had {gauge.Upgraded} open (at most {gauge.PeakUpgraded} at once) and {gauge.Active} connections in all")
            + $"; this process had {MachineFacts.OpenFiles()?.ToString(CultureInfo.InvariantCulture) ?? "?"} files open";
        var result = await load.StopAsync();
        var openAfterLast = open.Count(c => c.Stream == StreamState.Open);
        var closedCleanly = (await Task.WhenAll(open.Select(c => c.CloseAsync()))).Count(closed => closed);
        return new MeasuredWindow(
            result, before, after, concurrency, warmUp, answeredInWarmUp, timeline.Describe(5, (int)Math.Round(warmUp.TotalSeconds)),
            openAtEnd, serverAtEnd, openAfterLast, closedCleanly);
    }

    private static WebChatPhaseResult Print(MeasuredWindow window, IReadOnlyList<ChatConversation> open, WebChatLoadOptions options)
    {
        var result = window.Result;
        var measured = result.FirstReply.Count;
        var seconds = result.Window.TotalSeconds;
        var cpu = window.After.ProcessCpu - window.Before.ProcessCpu;
        var hostCpu = window.After.HostCpu - window.Before.HostCpu;
        string PerRoundTrip(TimeSpan time) => (measured == 0 ? double.NaN : time.TotalMilliseconds / measured).ToString("0.00", CultureInfo.InvariantCulture);

        Console.WriteLine(Row("held open", $"{window.OpenAtEnd} of {open.Count} streams open at the end of the window{window.ServerAtEnd}; " +
            $"{window.OpenAfterLastRoundTrip} after the last round trip; {open.Count(c => c.Stream == StreamState.ClosedByServer)} closed by the server, " +
            $"{open.Count(c => c.Stream == StreamState.Broken)} broke; {window.ClosedCleanly} closed cleanly by us afterwards"));
        Console.WriteLine(Row("sending", $"{window.Concurrency} conversations with a message in flight at once"));
        Console.WriteLine(Row("warm-up", string.Create(CultureInfo.InvariantCulture,
            $"{window.WarmUp.TotalSeconds:0.0} s, not measured: at least {options.WarmUp.TotalSeconds:0} s and until every conversation had its first answer " +
            $"({window.AnsweredInWarmUp} of {open.Count} had{(window.AnsweredInWarmUp < open.Count ? $"; stopped waiting after {MaximumWarmUp.TotalSeconds:0} s" : string.Empty)})")));
        Console.WriteLine(Row("round trips", string.Create(CultureInfo.InvariantCulture,
            $"{measured} in {seconds:0.000} s = {result.RoundTripsPerSecond:0}/s ({result.RoundTripsIncludingWarmUp} in all, warm-up included)")));
        Console.WriteLine(Row("per second", "round trips/s in 5 s slices, warm-up | measured: " + window.Timeline));
        Console.WriteLine(Row("first reply ms", Percentiles(result.FirstReply)));
        Console.WriteLine(Row("whole answer ms", Percentiles(result.WholeAnswer)));
        Console.WriteLine(Row(options.InProcess ? "process cpu" : "client cpu", string.Create(CultureInfo.InvariantCulture,
            $"{cpu.TotalSeconds:0.00} s over {seconds:0.00} s ({cpu.TotalSeconds / seconds:0.00} of {Environment.ProcessorCount} cores), {PerRoundTrip(cpu)} ms per round trip, " +
            $"{window.After.Gen0 - window.Before.Gen0} gen0 / {window.After.Gen2 - window.Before.Gen2} gen2 GCs")));
        if (hostCpu is { } serverCpu)
        {
            Console.WriteLine(Row("server cpu", string.Create(CultureInfo.InvariantCulture,
                $"{serverCpu.TotalSeconds:0.00} s ({serverCpu.TotalSeconds / seconds:0.00} cores), {PerRoundTrip(serverCpu)} ms per round trip (pid {options.ServerPid})")));
        }

        if (options.InProcess)
        {
            var commits = window.After.Commits - window.Before.Commits;
            var writes = window.After.Writes - window.Before.Writes;
            Console.WriteLine(Row("transactions", string.Create(CultureInfo.InvariantCulture,
                $"{writes} writes in {commits} COMMITs ({(commits == 0 ? 0 : (double)writes / commits):0.0} per COMMIT; " +
                $"{(measured == 0 ? 0 : (double)writes / measured):0.0} writes and {(measured == 0 ? 0 : (double)commits / measured):0.00} COMMITs per round trip)")));
        }

        var failed = open.Where(c => c.Failed).ToList();
        Console.WriteLine(Row("scripted replies", failed.Count == 0
            ? "every reply of every round trip as scripted; no conversation failed"
            : $"{failed.Count} conversations FAILED (each stops at its first problem)"));
        foreach (var conversation in failed.Take(ProblemsShown))
        {
            Console.WriteLine(Row(string.Empty, conversation.Problem!));
        }

        var ok = failed.Count == 0 && window.OpenAfterLastRoundTrip == open.Count && measured > 0;
        var allCpu = cpu + (hostCpu ?? TimeSpan.Zero);
        return new WebChatPhaseResult(result, open.Count, window.OpenAtEnd, measured == 0 ? double.NaN : allCpu.TotalMilliseconds / measured, ok);
    }

    private static string Percentiles(LatencyDistribution latencies) => string.Create(CultureInfo.InvariantCulture,
        $"p50 {latencies.PercentileMs(50):0.0}  p90 {latencies.PercentileMs(90):0.0}  p99 {latencies.PercentileMs(99):0.0}  max {latencies.MaxMs:0.0}");

    /// <summary>What <see cref="MeasureAsync"/> saw, for printing.</summary>
    private sealed record MeasuredWindow(
        ChatLoadResult Result,
        WindowCounters Before,
        WindowCounters After,
        int Concurrency,
        TimeSpan WarmUp,
        int AnsweredInWarmUp,
        string Timeline,
        int OpenAtEnd,
        string ServerAtEnd,
        int OpenAfterLastRoundTrip,
        int ClosedCleanly);
}

/// <summary>
/// What a phase measured: the load, how many conversations opened and stayed open, CPU per round trip (this process,
/// plus the host's when its pid is known), and whether every check passed.
/// </summary>
public sealed record WebChatPhaseResult(ChatLoadResult Load, int Opened, int StayedOpen, double CpuMsPerRoundTrip, bool Ok);
