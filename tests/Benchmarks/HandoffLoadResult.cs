namespace Benchmarks;

/// <summary>
/// One or more <see cref="HandoffLoad"/> runs: every turn's latency in stopwatch ticks (in the order the turns ended),
/// the last turn of each conversation's, the wall time and what did not go as scripted.
/// </summary>
public sealed record HandoffLoadResult(long[] TurnTicks, long[] LastTurnTicks, TimeSpan Elapsed, int Problems, string? FirstProblem)
{
    public LatencyDistribution Turns => new(TurnTicks);

    public LatencyDistribution LastTurns => new(LastTurnTicks);

    public double TurnsPerSecond => TurnTicks.Length / Elapsed.TotalSeconds;

    /// <summary>Both runs as one: their turns, wall times and problems added up.</summary>
    public HandoffLoadResult Plus(HandoffLoadResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new([.. TurnTicks, .. other.TurnTicks], [.. LastTurnTicks, .. other.LastTurnTicks], Elapsed + other.Elapsed, Problems + other.Problems, FirstProblem ?? other.FirstProblem);
    }
}
