using System.Diagnostics;

namespace Benchmarks;

/// <summary>
/// Drives open conversations in a closed loop: <c>concurrency</c> senders, each with a share of the conversations
/// (sender w has conversations w, w + C, w + 2C, …) and one message in flight, sending the next as soon as the
/// whole answer to the last arrived. Round trips are recorded only between <see cref="BeginMeasuring"/> and
/// <see cref="EndMeasuring"/>; before that the same load is the warm-up.
/// </summary>
public sealed class ClosedLoopChat
{
    /// <summary>How long one message may wait for its whole answer before its conversation counts as failed.</summary>
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    private readonly DirectLineClient _client;
    private readonly IReadOnlyList<ChatConversation> _conversations;
    private readonly List<(long FirstReply, long Answer)>[] _recorded;
    private readonly Task[] _senders;
    private volatile bool _measuring;
    private volatile bool _stopping;
    private long _measureStartedAt;
    private long _measureEndedAt;
    private long _roundTrips;

    private ClosedLoopChat(DirectLineClient client, IReadOnlyList<ChatConversation> conversations, int concurrency)
    {
        _client = client;
        _conversations = conversations;
        _recorded = [.. Enumerable.Range(0, concurrency).Select(_ => new List<(long, long)>())];
        _senders = new Task[concurrency];
    }

    /// <summary>Round trips completed so far, warm-up included.</summary>
    public long RoundTrips => Interlocked.Read(ref _roundTrips);

    /// <summary>
    /// Waits at least <paramref name="minimum"/>, and until every conversation has had its first answer (or failed)
    /// so that the burst of first messages is over, but no longer than <paramref name="maximum"/>. Returns how long it took.
    /// </summary>
    public async Task<TimeSpan> WarmUpAsync(TimeSpan minimum, TimeSpan maximum)
    {
        var clock = Stopwatch.StartNew();
        await Task.Delay(minimum);
        while (clock.Elapsed < maximum && _conversations.Any(c => c.Sent == 0 && !c.Failed))
        {
            await Task.Delay(100);
        }

        return clock.Elapsed;
    }

    public static ClosedLoopChat Start(DirectLineClient client, IReadOnlyList<ChatConversation> conversations, int concurrency)
    {
        ArgumentNullException.ThrowIfNull(conversations);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(concurrency, conversations.Count);
        var load = new ClosedLoopChat(client, conversations, concurrency);
        for (var sender = 0; sender < concurrency; sender++)
        {
            var index = sender;
            load._senders[sender] = Task.Run(() => load.SendAsync(index));
        }

        return load;
    }

    public void BeginMeasuring()
    {
        _measureStartedAt = Stopwatch.GetTimestamp();
        _measuring = true;
    }

    public void EndMeasuring()
    {
        _measuring = false;
        _measureEndedAt = Stopwatch.GetTimestamp();
    }

    /// <summary>Lets every sender finish the round trip it has in flight, then returns what was measured.</summary>
    public async Task<ChatLoadResult> StopAsync()
    {
        _stopping = true;
        await Task.WhenAll(_senders);
        var recorded = _recorded.SelectMany(r => r).ToList();
        return new ChatLoadResult(
            new LatencyDistribution(recorded.Select(r => r.FirstReply)),
            new LatencyDistribution(recorded.Select(r => r.Answer)),
            Stopwatch.GetElapsedTime(_measureStartedAt, _measureEndedAt),
            RoundTrips);
    }

    private async Task SendAsync(int sender)
    {
        var mine = Enumerable.Range(0, _conversations.Count).Where(c => c % _senders.Length == sender).Select(c => _conversations[c]).ToList();
        var recorded = _recorded[sender];
        var next = 0;
        while (!_stopping && mine.Count > 0)
        {
            var conversation = mine[next % mine.Count];
            var roundTrip = await conversation.SendNextAsync(_client, ReplyTimeout);
            if (roundTrip is null)
            {
                // Failed: it sends nothing more; the others carry on.
                mine.Remove(conversation);
                continue;
            }

            Interlocked.Increment(ref _roundTrips);
            if (_measuring)
            {
                recorded.Add((roundTrip.FirstReplyAt - roundTrip.StartedAt, roundTrip.AnsweredAt - roundTrip.StartedAt));
            }

            next++;
        }
    }
}

/// <summary>
/// The measured window of a closed-loop run: latency from the POST to the first bot reply on the stream, and to the
/// last scripted reply (the whole answer), and the window's length.
/// </summary>
public sealed record ChatLoadResult(LatencyDistribution FirstReply, LatencyDistribution WholeAnswer, TimeSpan Window, long RoundTripsIncludingWarmUp)
{
    public double RoundTripsPerSecond => FirstReply.Count / Window.TotalSeconds;
}
