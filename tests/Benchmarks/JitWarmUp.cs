using System.Diagnostics;
using System.Globalization;
using static Benchmarks.WebChatCommand;

namespace Benchmarks;

/// <summary>
/// Before anything is measured: conversations of their own (in-process, on a throwaway host and database) driven
/// until tiered JIT has compiled the hot paths of host and client. Without it, whichever run comes first also pays
/// for compilation, and the baseline (second) looks cheaper than it is.
/// </summary>
public static class JitWarmUp
{
    private const int Conversations = 50;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    /// <summary>False when a warm-up conversation failed (the run goes on: the phases report their own failures).</summary>
    public static async Task<bool> RunAsync(int roundTrips, WebChatLoadOptions options, string directory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var cpuBefore = ProcessCpu.OfThisProcess();
        var host = options.InProcess ? await SupportBotHost.StartInProcessAsync(directory, [.. WebChatLoadOptions.UnlimitedRates, .. options.HostSettings]) : SupportBotHost.Remote(options.Url!, options.Secret!);
        await using (host)
        {
            using var client = new DirectLineClient(host.BaseUrl, host.Secret);
            var opened = await ConversationOpener.OpenAsync(client, Conversations, options.OpenParallelism);
            var open = opened.Open;
            if (open.Count == 0)
            {
                Console.WriteLine(Row("JIT warm-up", "FAILED: no conversation opened; " + (opened.Failures.Count > 0 ? opened.Failures[0] : string.Empty)));
                return false;
            }

            var load = ClosedLoopChat.Start(client, open, open.Count);
            while (load.RoundTrips < roundTrips && clock.Elapsed < Limit && open.Any(c => !c.Failed))
            {
                await Task.Delay(100);
            }

            var result = await load.StopAsync();
            await Task.WhenAll(open.Select(c => c.CloseAsync()));
            var cpu = ProcessCpu.OfThisProcess() - cpuBefore;
            var failed = open.FirstOrDefault(c => c.Failed);
            var outcome = failed is null ? string.Empty : "; FAILED: " + failed.Problem;
            Console.WriteLine(Row("JIT warm-up", string.Create(CultureInfo.InvariantCulture,
                $"{result.RoundTripsIncludingWarmUp} round trips on {open.Count} conversations of its own in {clock.Elapsed.TotalSeconds:0.0} s " +
                $"({(options.InProcess ? "a throwaway host and database" : "on the host at --url")}; {cpu.TotalSeconds:0.0} s CPU here), not measured{outcome}")));
            return failed is null && opened.Failures.Count == 0;
        }
    }
}
