namespace Omnichannel.Bots.Web.Tests;

/// <summary>
/// The real clock, moved forward on demand: timers and timeouts run in real time (a host on a fake clock would never
/// poll its outbox), while <see cref="TimeProvider.GetUtcNow"/> jumps by <see cref="Advance"/>. A test that needs a
/// token to expire moves past its lifetime at the moment it chooses, instead of racing a short lifetime on a slow machine.
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
