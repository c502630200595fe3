using System.Collections.Concurrent;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>
/// Watches the counting dialog's step from inside: how many turns are in it at once (the most ever seen), and the
/// replies in the order the turns made them. With <see cref="OverlapToWaitFor"/> set, each turn waits in the step until
/// that many turns are inside together, so a test can prove turns overlap without depending on timing.
/// </summary>
public sealed class TurnProbe
{
    /// <summary>How long (real time) a turn waits for the overlap before it fails.</summary>
    public static readonly TimeSpan OverlapTimeout = TimeSpan.FromSeconds(20);

    private readonly TaskCompletionSource _overlap = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _replies = new();
    private int _inside;
    private int _maxInside;

    /// <summary>0: turns do not wait (they only yield briefly, to give an overlap the chance to show).</summary>
    public int OverlapToWaitFor { get; init; }

    public int MaxInside => Volatile.Read(ref _maxInside);

    /// <summary>Every reply the step made, in the order the step made them.</summary>
    public IReadOnlyList<string> Replies => [.. _replies];

    public void Enter()
    {
        var inside = Interlocked.Increment(ref _inside);
        var max = Volatile.Read(ref _maxInside);
        while (inside > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxInside, inside, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }

        if (OverlapToWaitFor > 0 && inside >= OverlapToWaitFor)
        {
            _overlap.TrySetResult();
        }
    }

    public async Task HoldAsync(CancellationToken cancellationToken)
    {
        if (OverlapToWaitFor > 0)
        {
            await _overlap.Task.WaitAsync(OverlapTimeout, cancellationToken);
        }
        else
        {
            // Real time, a millisecond: long enough for an overlapping turn of the same conversation to be seen.
            await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System, cancellationToken);
        }
    }

    public void Record(string reply) => _replies.Enqueue(reply);

    public void Exit() => Interlocked.Decrement(ref _inside);
}
