namespace Omnichannel.Bots;

/// <summary>
/// The one retry delay policy of the runtime and its features (the outbox, turn retries, the handoff webhook):
/// exponential from <see cref="First"/>, doubling per attempt up to <see cref="Max"/>, optionally with jitter that
/// shortens each delay by up to <see cref="Jitter"/> of it (so the cap and today's delays stay upper bounds, and
/// retries of many conversations spread out). The jitter's random source is injectable: a seeded
/// <see cref="Random"/> makes the delays deterministic in tests. HTTP calls use the standard resilience handler instead.
/// </summary>
public sealed class RetryBackoff
{
    private readonly Random _random;

    /// <param name="first">The delay before the first retry.</param>
    /// <param name="max">The longest delay (every delay is capped by it, the first one too).</param>
    /// <param name="jitter">The largest fraction (0 to 1) taken off a delay at random; 0 for exact delays.</param>
    /// <param name="random">The jitter's source (default <see cref="Random.Shared"/>); a seeded one in tests.</param>
    public RetryBackoff(TimeSpan first, TimeSpan max, double jitter = 0, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(first, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(max, TimeSpan.Zero);
        if (jitter is < 0 or > 1 || double.IsNaN(jitter))
        {
            throw new ArgumentOutOfRangeException(nameof(jitter), jitter, "Jitter is a fraction from 0 to 1.");
        }

        First = first;
        Max = max;
        Jitter = jitter;
        _random = random ?? Random.Shared;
    }

    /// <summary>The delay before the first retry.</summary>
    public TimeSpan First { get; }

    /// <summary>The longest delay.</summary>
    public TimeSpan Max { get; }

    /// <summary>The largest fraction taken off a delay at random.</summary>
    public double Jitter { get; }

    /// <summary>The delay before retry number <paramref name="retry"/> (1 for the first): First × 2^(retry−1), at most Max, less the jitter.</summary>
    /// <param name="retry">Which retry this is, from 1.</param>
    public TimeSpan DelayFor(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);

        var ticks = First.Ticks;
        for (var i = 1; i < retry && ticks < Max.Ticks; i++)
        {
            ticks = ticks > Max.Ticks / 2 ? Max.Ticks : ticks * 2;
        }

        ticks = Math.Min(ticks, Max.Ticks);
        if (Jitter > 0)
        {
            ticks -= (long)(ticks * Jitter * NextDouble());
        }

        return TimeSpan.FromTicks(Math.Max(ticks, 1));
    }

    private double NextDouble()
    {
        if (ReferenceEquals(_random, Random.Shared))
        {
            return _random.NextDouble();
        }

        // A seeded Random is not thread-safe.
        lock (_random)
        {
            return _random.NextDouble();
        }
    }
}
