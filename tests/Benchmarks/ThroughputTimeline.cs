using System.Globalization;

namespace Benchmarks;

/// <summary>
/// Round trips completed in each second of a run, warm-up included, so a reader can see whether the rate had
/// settled (tiered JIT, caches) before the measured window began, and how steady it was inside it.
/// </summary>
public sealed class ThroughputTimeline : IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly List<long> _perSecond = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public ThroughputTimeline(Func<long> completed)
    {
        ArgumentNullException.ThrowIfNull(completed);
        _sampling = SampleAsync(completed);
    }

    /// <summary>The rate per <paramref name="seconds"/>-second slice, the first <paramref name="warmUpSeconds"/> seconds marked off.</summary>
    public string Describe(int seconds, int warmUpSeconds)
    {
        string Rates(IEnumerable<long> perSecond) =>
            string.Join(' ', perSecond.Chunk(seconds).Select(slice => (slice.Sum() / (double)slice.Length).ToString("0", CultureInfo.InvariantCulture)));
        return Rates(_perSecond.Take(warmUpSeconds)) + " | " + Rates(_perSecond.Skip(warmUpSeconds));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync(Func<long> completed)
    {
        using var timer = new PeriodicTimer(Tick);
        var last = completed();
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var now = completed();
                _perSecond.Add(now - last);
                last = now;
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
