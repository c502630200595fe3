using System.Globalization;
using System.Runtime.InteropServices;
using Omnichannel.Bots.Handoff;

namespace Benchmarks;

/// <summary>
/// `handoff`: what the human-handoff layer costs. The same non-escalating script on the sample support bot without
/// <c>AddHandoff()</c> (the baseline) and with it, each on a fresh database after a warm-up; then, on the handoff bot,
/// the escalating turn, building the agent's packet (short and long journeys), and two agents claiming each ticket at once.
/// </summary>
public static class HandoffCommand
{
    public const string Usage = "handoff [--conversations N (200)] [--messages M (6)] [--warmup W (N)] [--keep]";

    private const int EscalatingCustomers = 200;
    private const int LongJourneyMessages = 200;

    public static async Task<int> RunAsync(string[] args)
    {
        var conversations = IntOption(args, "--conversations", 200);
        var messages = IntOption(args, "--messages", 6);
        var warmUp = IntOption(args, "--warmup", conversations);
        var keep = args.Contains("--keep");
        var concurrency = Environment.ProcessorCount * 4;
        var root = Directory.CreateTempSubdirectory("omnibot-bench-handoff-");
        Console.WriteLine("Omnichannel.Bots handoff overhead: the sample support bot on SQLite without and with AddHandoff(), one process");
        Console.WriteLine(Row("machine", $"{Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, SQLite {TurnsCommand.SqliteVersion()}"));
        Console.WriteLine(Row("machine load", MachineFacts.LoadAverage() + " (1/5/15-min load average at the start: other processes share these cores)"));
        var (fsyncP50, fsyncP99) = FsyncProbe.Measure(root.FullName);
        Console.WriteLine(Row("disk fsync", Invariant($"4 KiB append + fsync in the data folder: p50 {fsyncP50:0.00} ms, p99 {fsyncP99:0.00} ms")));
        Console.WriteLine(Row("script", $"SMS, {messages} messages per conversation, none asks for a person: {HandoffScript.Describe(messages)}"));
        Console.WriteLine(Row("load", $"{conversations} conversations × {messages} messages after {warmUp} warm-up conversations; up to {concurrency} conversations in flight, each turn awaited (SubmitAndWaitAsync) before the next"));

        var failed = false;
        try
        {
            Console.WriteLine();
            Console.WriteLine("== per-turn latency, same script ==");
            HandoffLoadResult baseline;
            await using (var bot = await BenchmarkBot.StartAsync(Path.Combine(root.FullName, "baseline"), _ => { }))
            {
                baseline = await MeasureTurnsAsync("baseline: no handoff", bot, warmUp, conversations, messages, concurrency);
            }

            await using var handoffBot = await BenchmarkBot.StartAsync(Path.Combine(root.FullName, "handoff"), _ => { }, bot => bot.AddHandoff());
            var withHandoff = await MeasureTurnsAsync("with AddHandoff()", handoffBot, warmUp, conversations, messages, concurrency);
            failed |= baseline.Problems > 0 || withHandoff.Problems > 0;
            Console.WriteLine(Row("with ÷ baseline", Invariant(
                $"{withHandoff.TurnsPerSecond / baseline.TurnsPerSecond:0.00} of the baseline's turns/s; p50 {withHandoff.Turns.PercentileMs(50) - baseline.Turns.PercentileMs(50):+0.00;-0.00} ms, p99 {withHandoff.Turns.PercentileMs(99) - baseline.Turns.PercentileMs(99):+0.00;-0.00} ms against the baseline")));

            var desk = new HandoffDeskCosts(handoffBot, concurrency);
            failed |= !await desk.EscalationAsync(firstCustomer: 100_000, EscalatingCustomers);
            failed |= !await desk.LongJourneyAsync(customer: 200_000, LongJourneyMessages);
            failed |= !await desk.ClaimContentionAsync();
        }
        finally
        {
            if (keep)
            {
                Console.WriteLine(Row("kept", root.FullName));
            }
            else
            {
                TryDelete(root);
            }
        }

        Console.WriteLine();
        Console.WriteLine(failed ? "FAILED (see above)" : "ok");
        return failed ? 1 : 0;
    }

    internal static string Row(string name, string value) => name.PadRight(22) + value;

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    internal static string Percentiles(LatencyDistribution latency) =>
        Invariant($"p50 {latency.PercentileMs(50):0.00}  p90 {latency.PercentileMs(90):0.00}  p99 {latency.PercentileMs(99):0.00}  max {latency.MaxMs:0.00} ms");

    private static async Task<HandoffLoadResult> MeasureTurnsAsync(string title, BenchmarkBot bot, int warmUp, int conversations, int messages, int concurrency)
    {
        var warm = await HandoffLoad.RunAsync(bot, 0, warmUp, messages, concurrency);
        var cpuBefore = ProcessCpu.OfThisProcess();
        var load = await HandoffLoad.RunAsync(bot, warmUp, conversations, messages, concurrency);
        var cores = (ProcessCpu.OfThisProcess() - cpuBefore) / load.Elapsed;
        Console.WriteLine(Row(title, Invariant($"{load.TurnsPerSecond:0} turns/s ({load.Turns.Count} turns in {load.Elapsed.TotalSeconds:0.000} s, {cores:0.00} cores busy)  {Percentiles(load.Turns)}")));
        if (warm.Problems + load.Problems > 0)
        {
            Console.WriteLine(Row("", $"{warm.Problems + load.Problems} turns did NOT go as scripted; first: {warm.FirstProblem ?? load.FirstProblem}"));
        }

        return load with { Problems = warm.Problems + load.Problems };
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return fallback;
        }

        if (index + 1 >= args.Length || !int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw new ArgumentException($"{name} needs a positive whole number.");
        }

        return value;
    }

    private static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS's temp cleanup.
        }
    }
}
