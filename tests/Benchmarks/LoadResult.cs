using System.Diagnostics;

namespace Benchmarks;

/// <summary>One load run: every turn's latency (stopwatch ticks), the wall time, and how many turns did not answer as scripted.</summary>
public sealed class LoadResult
{
    private readonly double[] _sortedMs;

    public LoadResult(long[] latencyTicks, TimeSpan elapsed, long replies, int unexpected, string? firstProblem)
    {
        ArgumentNullException.ThrowIfNull(latencyTicks);
        _sortedMs = [.. latencyTicks.Select(t => t * 1000.0 / Stopwatch.Frequency).Order()];
        Elapsed = elapsed;
        Replies = replies;
        Unexpected = unexpected;
        FirstProblem = firstProblem;
    }

    public int Turns => _sortedMs.Length;

    public TimeSpan Elapsed { get; }

    public double TurnsPerSecond => Turns / Elapsed.TotalSeconds;

    public long Replies { get; }

    public int Unexpected { get; }

    public string? FirstProblem { get; }

    public double MaxMs => _sortedMs[^1];

    /// <summary>The nearest-rank percentile of the turn latencies, in milliseconds.</summary>
    public double PercentileMs(double percentile)
    {
        var rank = (int)Math.Ceiling(percentile / 100.0 * _sortedMs.Length);
        return _sortedMs[Math.Clamp(rank - 1, 0, _sortedMs.Length - 1)];
    }
}
