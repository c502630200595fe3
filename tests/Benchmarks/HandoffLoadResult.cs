namespace Benchmarks;

/// <summary>One <see cref="HandoffLoad"/> run: every turn's latency, the last turn of each conversation's, the wall time and what did not go as scripted.</summary>
public sealed record HandoffLoadResult(LatencyDistribution Turns, LatencyDistribution LastTurns, TimeSpan Elapsed, int Problems, string? FirstProblem)
{
    public double TurnsPerSecond => Turns.Count / Elapsed.TotalSeconds;
}
