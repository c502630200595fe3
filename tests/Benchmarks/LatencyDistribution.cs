using System.Diagnostics;

namespace Benchmarks;

/// <summary>A set of latencies (given in stopwatch ticks), sorted, with nearest-rank percentiles in milliseconds.</summary>
public sealed class LatencyDistribution
{
    private readonly double[] _sortedMs;

    public LatencyDistribution(IEnumerable<long> ticks)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        _sortedMs = [.. ticks.Select(t => t * 1000.0 / Stopwatch.Frequency).Order()];
    }

    public int Count => _sortedMs.Length;

    public double MaxMs => Count == 0 ? double.NaN : _sortedMs[^1];

    public double PercentileMs(double percentile)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100.0 * Count);
        return _sortedMs[Math.Clamp(rank - 1, 0, Count - 1)];
    }
}
