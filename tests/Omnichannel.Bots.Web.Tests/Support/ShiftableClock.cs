using System.Collections.Concurrent;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>
/// The real clock, moved forward on demand: timers and timeouts run in real time (a host on a fake clock would never
/// poll its outbox), while <see cref="TimeProvider.GetUtcNow"/> jumps by <see cref="Advance"/>. A test that needs a
/// token to expire moves past its lifetime at the moment it chooses, instead of racing a short lifetime on a slow machine.
/// Timers made through this clock also honour the jump: <see cref="Advance"/> runs, on the calling thread and before it
/// returns, each one whose due time it passed (as FakeTimeProvider does), so what a timer decides has happened by then.
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    private readonly ConcurrentDictionary<ShiftedTimer, byte> _timers = new();
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
        foreach (var timer in _timers.Keys)
        {
            timer.FireIfDue();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ShiftedTimer(this, callback, state);
        _timers.TryAdd(timer, 0);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>A real timer whose due time is also an instant on the shifted clock.</summary>
    private sealed class ShiftedTimer : ITimer
    {
        private readonly ShiftableClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private readonly ITimer _real;
        private readonly Lock _lock = new();
        private DateTimeOffset? _due;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;
        private bool _disposed;

        public ShiftedTimer(ShiftableClock clock, TimerCallback callback, object? state)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
            _real = System.CreateTimer(_ => FireIfDue(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_lock)
            {
                if (_disposed)
                {
                    return false;
                }

                _period = period;
                _due = dueTime == Timeout.InfiniteTimeSpan ? null : _clock.GetUtcNow() + dueTime;
                return _real.Change(dueTime, Timeout.InfiniteTimeSpan);
            }
        }

        public void FireIfDue()
        {
            lock (_lock)
            {
                var now = _clock.GetUtcNow();
                if (_disposed || _due is not { } due || due > now)
                {
                    return;
                }

                var again = _period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero;
                _due = again ? now + _period : null;
                _real.Change(again ? _period : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }

            _callback(_state);
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _disposed = true;
                _due = null;
            }

            _clock._timers.TryRemove(this, out _);
            _real.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
