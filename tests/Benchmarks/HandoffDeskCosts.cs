using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Handoff;
using Omnichannel.Bots.Handoff.Desk;
using Omnichannel.Bots.Storage;
using static Benchmarks.HandoffCommand;

namespace Benchmarks;

/// <summary>
/// The `handoff` command's desk measurements on a bot with <c>AddHandoff()</c>: the escalating turn, building the
/// agent's packet (<see cref="IHandoffDesk.GetAsync"/> builds it from stored data each time), and claim contention.
/// Each prints its lines and returns false when something did not go as expected.
/// </summary>
public sealed class HandoffDeskCosts
{
    private const int WarmUpTickets = 20;
    private const int LongPacketBuilds = 50;

    private readonly BenchmarkBot _bot;
    private readonly IHandoffDesk _desk;
    private readonly int _concurrency;
    private readonly List<long> _tickets = [];
    private readonly List<long> _warmUpTickets = [];

    public HandoffDeskCosts(BenchmarkBot bot, int concurrency)
    {
        ArgumentNullException.ThrowIfNull(bot);
        _bot = bot;
        _desk = bot.Services.GetRequiredService<IHandoffDesk>();
        _concurrency = concurrency;
    }

    /// <summary><paramref name="customers"/> customers each send two messages then "agent", conversations in parallel; then each ticket's packet is built once, one after another.</summary>
    public async Task<bool> EscalationAsync(int firstCustomer, int customers)
    {
        Console.WriteLine();
        Console.WriteLine($"== escalation: {customers} customers send 2 messages then \"{HandoffScript.AskForPerson}\" (after {WarmUpTickets} warm-up customers) ==");
        var ok = true;
        var warm = await HandoffLoad.RunAsync(_bot, firstCustomer, WarmUpTickets, 3, _concurrency, escalateLast: true);
        _warmUpTickets.AddRange(await NewTicketsAsync([]));
        var load = await HandoffLoad.RunAsync(_bot, firstCustomer + WarmUpTickets, customers, 3, _concurrency, escalateLast: true);
        _tickets.AddRange(await NewTicketsAsync(_warmUpTickets));
        Console.WriteLine(Row("escalating turn", Invariant($"{Percentiles(load.LastTurns)}  ({load.LastTurns.Count} turns, up to {_concurrency} conversations in flight)")));
        Console.WriteLine(Row("all turns", Invariant($"{Percentiles(load.Turns)} (all {load.Turns.Count} turns of these conversations, for comparison)")));
        if (warm.Problems + load.Problems > 0)
        {
            Console.WriteLine(Row("", $"{warm.Problems + load.Problems} turns did NOT go as scripted; first: {warm.FirstProblem ?? load.FirstProblem}"));
            ok = false;
        }

        if (_tickets.Count != customers || _warmUpTickets.Count != WarmUpTickets)
        {
            Console.WriteLine(Row("tickets", $"expected {customers} (+{WarmUpTickets} warm-up) open tickets, found {_tickets.Count} (+{_warmUpTickets.Count}): NOT as expected"));
            ok = false;
        }

        foreach (var id in _warmUpTickets)
        {
            await _desk.GetAsync(id, CancellationToken.None);
        }

        var builds = new List<long>();
        var transcript = 0;
        foreach (var id in _tickets)
        {
            var started = Stopwatch.GetTimestamp();
            var detail = await _desk.GetAsync(id, CancellationToken.None);
            builds.Add(Stopwatch.GetTimestamp() - started);
            transcript = Math.Max(transcript, detail?.Packet.Transcript.Count ?? 0);
            ok &= detail is not null;
        }

        Console.WriteLine(Row("packet (3 msgs)", Invariant($"{Percentiles(new LatencyDistribution(builds))}  (IHandoffDesk.GetAsync, {builds.Count} tickets one after another; up to {transcript} transcript entries)")));
        return ok;
    }

    /// <summary>One customer sends <paramref name="messages"/> messages then "agent"; the packet is built <see cref="LongPacketBuilds"/> times.</summary>
    public async Task<bool> LongJourneyAsync(int customer, int messages)
    {
        var before = await OpenTicketsAsync();
        var commitsBefore = _bot.Database.CommitStatistics;
        var load = await HandoffLoad.RunAsync(_bot, customer, 1, messages + 1, concurrency: 1, escalateLast: true);
        var ticket = (await NewTicketsAsync(before)).SingleOrDefault();
        if (load.Problems > 0 || ticket == 0)
        {
            Console.WriteLine(Row("long journey", $"did NOT escalate as scripted ({load.Problems} problems; first: {load.FirstProblem})"));
            return false;
        }

        var builds = new List<long>();
        TicketDetail? detail = null;
        for (var i = 0; i < LongPacketBuilds; i++)
        {
            var started = Stopwatch.GetTimestamp();
            detail = await _desk.GetAsync(ticket, CancellationToken.None);
            builds.Add(Stopwatch.GetTimestamp() - started);
        }

        Console.WriteLine(Row($"packet ({messages} msgs)", Invariant(
            $"{Percentiles(new LatencyDistribution(builds))}  (one ticket, {LongPacketBuilds} builds; packet transcript {detail?.Packet.Transcript.Count} entries, live transcript {detail?.Transcript.Count}; escalating turn {load.LastTurns.MaxMs:0.00} ms)")));
        var customerId = (await _bot.Services.GetRequiredService<IHandoffTicketStore>().GetAsync(ticket, CancellationToken.None))?.CustomerId ?? "";
        var transcripts = _bot.Services.GetRequiredService<ITranscriptStore>();
        var reads = new List<long>();
        for (var i = 0; i < LongPacketBuilds; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await transcripts.GetByCustomerAsync(customerId, CancellationToken.None);
            reads.Add(Stopwatch.GetTimestamp() - started);
        }

        Console.WriteLine(Row("  of which transcript", Invariant($"{Percentiles(new LatencyDistribution(reads))}  (ITranscriptStore.GetByCustomerAsync of that customer alone, which GetAsync does; the router reads the journey facts instead)")));
        Console.WriteLine(Row("with, long journey", Growth(load, messages) + Commits(_bot, commitsBefore, messages + 1) + " (the same customer's turns before \"agent\"; compare the baseline's above)"));
        return detail is not null;
    }

    /// <summary>Each escalation ticket is claimed by two agents at once (the tickets one after another); exactly one claim of each pair may win.</summary>
    public async Task<bool> ClaimContentionAsync()
    {
        Console.WriteLine();
        Console.WriteLine($"== claim contention: {_tickets.Count} tickets, each claimed by agents a1 and a2 at once ==");
        AgentIdentity[] agents = [new("a1", "A1", []), new("a2", "A2", [])];
        foreach (var id in _warmUpTickets)
        {
            await _desk.ClaimAsync(id, agents[id % 2], CancellationToken.None);
        }

        var latencies = new List<long>();
        var winners = 0;
        var wrongPairs = 0;
        string? firstOther = null;
        foreach (var id in _tickets)
        {
            var claims = await Task.WhenAll(agents.Select(agent => Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                var result = await _desk.ClaimAsync(id, agent, CancellationToken.None);
                return (result, Stopwatch.GetTimestamp() - started);
            })));
            latencies.AddRange(claims.Select(c => c.Item2));
            var won = claims.Count(c => c.result.Succeeded);
            winners += won;
            wrongPairs += won == 1 ? 0 : 1;
            firstOther ??= claims.Select(c => c.result).FirstOrDefault(r => r.Outcome is not (DeskOutcome.Ok or DeskOutcome.Conflict))?.ToString();
        }

        Console.WriteLine(Row("winners", $"{winners} of {_tickets.Count} tickets ({(wrongPairs == 0 ? "exactly one winner each" : $"{wrongPairs} tickets did NOT have exactly one winner")})"));
        if (firstOther is not null)
        {
            Console.WriteLine(Row("", $"unexpected claim result: {firstOther}"));
        }

        Console.WriteLine(Row("claim latency", Invariant($"{Percentiles(new LatencyDistribution(latencies))}  ({latencies.Count} claims, two at a time)")));
        return wrongPairs == 0 && winners == _tickets.Count && _tickets.Count > 0;
    }

    private async Task<HashSet<long>> OpenTicketsAsync() => [.. (await _desk.ListOpenAsync(CancellationToken.None)).Select(t => t.Id)];

    private async Task<List<long>> NewTicketsAsync(IEnumerable<long> known)
    {
        var seen = new HashSet<long>(known);
        return [.. (await _desk.ListOpenAsync(CancellationToken.None)).Select(t => t.Id).Where(id => !seen.Contains(id)).Order()];
    }
}
