namespace Omnichannel.Bots;

/// <summary>At most <see cref="Messages"/> messages in any window of <see cref="Per"/>.</summary>
public sealed record MessageRate
{
    public MessageRate(int messages, TimeSpan per)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(messages, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(per, TimeSpan.Zero);
        Messages = messages;
        Per = per;
    }

    public int Messages { get; }

    public TimeSpan Per { get; }

    /// <summary>
    /// The shortest gap between two sends that keeps to the rate when sends are spread evenly: rounded up to the next
    /// tick, so <see cref="Messages"/> + 1 evenly spaced sends never fit in one <see cref="Per"/> (30 a second is
    /// 333,334 ticks, not 333,333).
    /// </summary>
    public TimeSpan Interval => TimeSpan.FromTicks((Per.Ticks + Messages - 1) / Messages);
}
