using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Benchmarks;

/// <summary>
/// The <c>webchat</c> command: N web chat conversations opened and held open on their Direct Line WebSockets, then
/// messages driven through them in a closed loop (POST → the bot's reply on the stream), and the same load with a
/// few conversations as the baseline, printed side by side.
/// </summary>
public static class WebChatCommand
{
    public const int TargetOpenConversations = 2000;
    public const double TargetRoundTripsPerSecond = 1000;

    /// <summary>Files per conversation: its WebSocket and (in flight) an HTTP connection, twice over when the server is in this process too.</summary>
    private const int FilesPerConversationInProcess = 4;
    private const int FilesPerConversationRemote = 2;
    private const int FilesForEverythingElse = 512;

    public static async Task<int> RunAsync(WebChatLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MinThreads is { } minThreads)
        {
            ThreadPool.SetMinThreads(minThreads, minThreads);
        }

        ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
        var (softFiles, hardFiles) = MachineFacts.OpenFileLimit();
        Console.WriteLine("Omnichannel.Bots web chat load: Direct Line conversations held open on WebSockets, messages round-tripped through the sample support bot");
        Console.WriteLine(Row("machine", $"{Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, SQLite {TurnsCommand.SqliteVersion()}"));
        Console.WriteLine(Row("machine load", MachineFacts.LoadAverage() + " (1/5/15-min load average at the start: other processes share these cores)"));
        Console.WriteLine(Row("host", options.InProcess
            ? "the sample (SupportBotApp) in THIS process on Kestrel at 127.0.0.1 (real sockets): server and load client share the cores, and the CPU printed is both"
            : $"{options.Url} (another process; --secret given)" + (options.ServerPid is { } pid ? $", pid {pid}" : string.Empty)));
        if (options.HostSettings.Count > 0)
        {
            Console.WriteLine(Row("host settings", string.Join(", ", options.HostSettings.Select(s => $"{s.Key}={s.Value}"))));
        }

        Console.WriteLine(Row("open files", $"limit {Shown(softFiles)} soft / {Shown(hardFiles)} hard in this process (the .NET runtime raises soft to hard at start; a socket is a file)"));
        Console.WriteLine(Row("sockets", $"somaxconn {MachineFacts.ListenBacklogCap()}, ephemeral ports {MachineFacts.EphemeralPorts()}, conversations opened {options.OpenParallelism} at a time"));
        Console.WriteLine(Row("runtime", $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC{(GCSettings.IsServerGC ? string.Empty : " (a separately run SupportBot uses server GC)")}, ThreadPool min {minWorkers} worker / {minIo} I/O threads"));
        Console.WriteLine(Row("load", $"closed loop: a conversation posts its next message once the whole answer to the last one arrived on its WebSocket; " +
            $"warm-up {options.WarmUp.TotalSeconds:0} s, then {options.Duration.TotalSeconds:0} s measured"));
        Console.WriteLine(Row("round trip", "POST /activities (the message) → the first bot reply to it on the stream; 'whole answer' is to its last scripted reply"));

        var largest = Math.Max(options.Conversations, options.BaselineConversations ?? 0);
        var needed = (largest * (options.InProcess ? FilesPerConversationInProcess : FilesPerConversationRemote)) + FilesForEverythingElse;
        if (softFiles is { } soft && soft < needed)
        {
            Console.Error.WriteLine($"{largest} conversations need about {needed} open files here, but this process may open {soft}. Raise it (ulimit -n {needed}, or the hard limit in /etc/security/limits.conf) or open fewer.");
            return 2;
        }

        var root = options.DataDirectory is null
            ? Path.Combine(Path.GetTempPath(), "omnibot-webchat-bench-" + Guid.NewGuid().ToString("N")[..8])
            : Path.GetFullPath(options.DataDirectory);
        var failed = false;
        try
        {
            if (options.JitWarmUpRoundTrips > 0)
            {
                Console.WriteLine();
                failed |= !await JitWarmUp.RunAsync(options.JitWarmUpRoundTrips, options, Path.Combine(root, "jit-warmup"));
            }

            var measured = await WebChatPhase.RunAsync(
                $"measured: {options.Conversations} conversations open, {options.ConcurrencyFor(options.Conversations)} sending",
                options.Conversations, options, Path.Combine(root, "measured"));
            failed |= !measured.Ok;
            PrintTarget(measured);

            if (options.BaselineConversations is { } few)
            {
                var baseline = await WebChatPhase.RunAsync(
                    $"baseline: {few} conversations open, {options.ConcurrencyFor(few)} sending (same host settings, {(options.InProcess ? "a fresh host and database" : "the same host")})",
                    few, options, Path.Combine(root, "baseline"));
                failed |= !baseline.Ok;
                Console.WriteLine();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"measured ÷ baseline: {measured.Load.RoundTripsPerSecond / baseline.Load.RoundTripsPerSecond:0.00} of the baseline's round trips/s " +
                    $"({measured.Load.RoundTripsPerSecond:0} against {baseline.Load.RoundTripsPerSecond:0}); {CpuMeasured(options)} per round trip {measured.CpuMsPerRoundTrip:0.00} ms against {baseline.CpuMsPerRoundTrip:0.00} ms; " +
                    $"first-reply p99 {measured.Load.FirstReply.PercentileMs(99):0.0} ms against {baseline.Load.FirstReply.PercentileMs(99):0.0} ms"));
            }
        }
        finally
        {
            if (options.InProcess)
            {
                if (options.Keep || options.DataDirectory is not null)
                {
                    Console.WriteLine(Row("kept", root));
                }
                else
                {
                    TryDelete(root);
                }
            }
        }

        Console.WriteLine(failed ? "FAILED: see the conversations' problems above." : "checks: every conversation opened, stayed open and got every reply as scripted.");
        return failed ? 1 : 0;
    }

    private static string CpuMeasured(WebChatLoadOptions options) =>
        options.InProcess ? "CPU (host and client)" : options.ServerPid is null ? "client CPU" : "CPU (client and host)";

    internal static string Row(string name, string value) => name.PadRight(17) + value;

    private static void PrintTarget(WebChatPhaseResult measured)
    {
        var openMet = measured.Opened >= TargetOpenConversations && measured.StayedOpen == measured.Opened;
        var rateMet = measured.Load.RoundTripsPerSecond >= TargetRoundTripsPerSecond;
        Console.WriteLine(Row("target", string.Create(CultureInfo.InvariantCulture,
            $"{(openMet && rateMet && measured.Ok ? "MET" : "MISSED")}: {measured.StayedOpen} conversations held open {(openMet ? "≥" : "<")} {TargetOpenConversations}; " +
            $"{measured.Load.RoundTripsPerSecond:0} round trips/s {(rateMet ? "≥" : "<")} {TargetRoundTripsPerSecond:0}; " +
            $"every reply as scripted: {(measured.Ok ? "yes" : "NO")}")));
    }

    private static string Shown(long? limit) =>
        limit switch
        {
            null => "unknown",
            long.MaxValue => "unlimited",
            { } n => n.ToString(CultureInfo.InvariantCulture),
        };

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
}
