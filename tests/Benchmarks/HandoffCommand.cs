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
    public const string Usage = "handoff [--conversations N (800)] [--messages M (6)] [--warmup W (N)] [--keep]";

    private const int EscalatingCustomers = 200;
    private const int LongJourneyMessages = 200;

    public static async Task<int> RunAsync(string[] args)
    {
        var conversations = IntOption(args, "--conversations", 800);
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
            Console.WriteLine($"== per-turn latency, same script; the two bots take turns in 4 blocks (baseline, with, with, baseline) so load from other processes hits both ==");
            await using var baselineBot = await BenchmarkBot.StartAsync(Path.Combine(root.FullName, "baseline"), _ => { });
            await using var handoffBot = await BenchmarkBot.StartAsync(Path.Combine(root.FullName, "handoff"), _ => { }, bot => bot.AddHandoff());
            var baseline = await HandoffLoad.RunAsync(baselineBot, 0, warmUp, messages, concurrency);
            var withHandoff = await HandoffLoad.RunAsync(handoffBot, 0, warmUp, messages, concurrency);
            var (baselineCpu, handoffCpu) = (TimeSpan.Zero, TimeSpan.Zero);
            baseline = baseline with { TurnTicks = [], LastTurnTicks = [], Elapsed = TimeSpan.Zero };
            withHandoff = withHandoff with { TurnTicks = [], LastTurnTicks = [], Elapsed = TimeSpan.Zero };
            for (var block = 0; block < 4; block++)
            {
                var first = warmUp + (block * conversations / 4);
                var count = ((block + 1) * conversations / 4) - (block * conversations / 4);
                var handoffBlock = block is 1 or 2;
                var cpuBefore = ProcessCpu.OfThisProcess();
                var result = await HandoffLoad.RunAsync(handoffBlock ? handoffBot : baselineBot, first, count, messages, concurrency);
                var cpu = ProcessCpu.OfThisProcess() - cpuBefore;
                if (handoffBlock)
                {
                    withHandoff = withHandoff.Plus(result);
                    handoffCpu += cpu;
                }
                else
                {
                    baseline = baseline.Plus(result);
                    baselineCpu += cpu;
                }
            }

            PrintTurns("baseline: no handoff", baseline, baselineCpu);
            PrintTurns("with AddHandoff()", withHandoff, handoffCpu);
            failed |= baseline.Problems > 0 || withHandoff.Problems > 0;
            Console.WriteLine(Row("with ÷ baseline", Invariant(
                $"{withHandoff.TurnsPerSecond / baseline.TurnsPerSecond:0.00} of the baseline's turns/s; p50 {withHandoff.Turns.PercentileMs(50) - baseline.Turns.PercentileMs(50):+0.00;-0.00} ms, p99 {withHandoff.Turns.PercentileMs(99) - baseline.Turns.PercentileMs(99):+0.00;-0.00} ms against the baseline; CPU per turn {handoffCpu.TotalMilliseconds / withHandoff.TurnTicks.Length:0.00} ms against {baselineCpu.TotalMilliseconds / baseline.TurnTicks.Length:0.00} ms")));
            var commitsBefore = baselineBot.Database.CommitStatistics;
            var longBaseline = await HandoffLoad.RunAsync(baselineBot, 300_000, 1, LongJourneyMessages, concurrency: 1);
            Console.WriteLine(Row("baseline, long journey", Growth(longBaseline, LongJourneyMessages) + Commits(baselineBot, commitsBefore, LongJourneyMessages) + " (one customer, one turn at a time: does a turn get slower as the journey grows?)"));
            failed |= longBaseline.Problems > 0;

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

    internal static string Row(string name, string value) => name.PadRight(24) + value;

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    internal static string Percentiles(LatencyDistribution latency) =>
        Invariant($"p50 {latency.PercentileMs(50):0.00}  p90 {latency.PercentileMs(90):0.00}  p99 {latency.PercentileMs(99):0.00}  max {latency.MaxMs:0.00} ms");

    /// <summary>The p50 of the first 20 turns against that of the 20 before <paramref name="turns"/> (of a one-customer run).</summary>
    internal static string Growth(HandoffLoadResult load, int turns)
    {
        ArgumentNullException.ThrowIfNull(load);
        var early = new LatencyDistribution(load.TurnTicks.Take(20));
        var late = new LatencyDistribution(load.TurnTicks.Take(turns).TakeLast(20));
        return Invariant($"turns 1-20 p50 {early.PercentileMs(50):0.00} ms, turns {turns - 19}-{turns} p50 {late.PercentileMs(50):0.00} ms");
    }

    /// <summary>COMMITs and writes per turn since <paramref name="before"/>.</summary>
    internal static string Commits(BenchmarkBot bot, (long Commits, long Writes) before, int turns)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var (commits, writes) = bot.Database.CommitStatistics;
        return Invariant($"; {(double)(commits - before.Commits) / turns:0.00} COMMITs and {(double)(writes - before.Writes) / turns:0.00} writes per turn");
    }

    private static void PrintTurns(string title, HandoffLoadResult load, TimeSpan cpu)
    {
        Console.WriteLine(Row(title, Invariant($"{load.TurnsPerSecond:0} turns/s ({load.TurnTicks.Length} turns in {load.Elapsed.TotalSeconds:0.000} s, {cpu / load.Elapsed:0.00} cores busy)  {Percentiles(load.Turns)}")));
        if (load.Problems > 0)
        {
            Console.WriteLine(Row("", $"{load.Problems} turns did NOT go as scripted; first: {load.FirstProblem}"));
        }
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
