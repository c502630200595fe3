using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots;

/// <summary>
/// Keeps the outbox's sends to each channel's <see cref="ChannelPacing"/>: a conversation's sends at least
/// <see cref="ChannelPacing.PerChat"/>'s interval apart, and all chats of one provider account (channel + account)
/// sharing <see cref="ChannelPacing.PerAccount"/>, spread evenly (an interval apart, so no window of the rate's length
/// ever holds more than its count). A send waits for its turn on the injected <see cref="TimeProvider"/>; nothing is
/// dropped. A chat first waits out its own interval, and only then takes the account's next free slot, so one busy
/// chat never holds a place in the account's queue that other chats could use. Every attempt takes a slot, a failed
/// one too (the provider saw it). State is in memory: after a restart the first sends go at once.
/// </summary>
internal sealed class OutboxPacer
{
    /// <summary>Entries are pruned when there are this many, or twice as many as after the last pruning.</summary>
    private const int PruneThreshold = 1024;

    /// <summary>A clock move while a timer is being set larger than this sets it again (a real clock moves microseconds).</summary>
    private static readonly TimeSpan ClockJump = TimeSpan.FromMilliseconds(1);

    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    /// <summary>When each conversation's next send may go, counted from its last one.</summary>
    private readonly Dictionary<string, DateTimeOffset> _chats = new(StringComparer.Ordinal);

    /// <summary>Each account's next free slot.</summary>
    private readonly Dictionary<(ChannelId Channel, string Account), DateTimeOffset> _accounts = [];

    private int _pruneAt = PruneThreshold;

    public OutboxPacer(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>
    /// Waits until <paramref name="entry"/> may be sent under <paramref name="pacing"/> and takes its slot; true when it
    /// had to wait (so what was checked before may have changed). Unpaced channels return at once, taking no lock.
    /// </summary>
    public async ValueTask<bool> WaitForTurnAsync(OutboxEntry entry, ChannelPacing pacing, CancellationToken cancellationToken)
    {
        if (pacing.PerChat is null && pacing.PerAccount is null)
        {
            return false;
        }

        // Only this conversation's sender (one at a time, see OutboxLanes) reads or moves its chat entry.
        var waited = pacing.PerChat is not null && await WaitUntilAsync(ChatFreeAt(entry.ConversationId), cancellationToken).ConfigureAwait(false);
        return await WaitUntilAsync(TakeSlot(entry, pacing), cancellationToken).ConfigureAwait(false) || waited;
    }

    /// <summary>
    /// Waits until the clock reads <paramref name="at"/>; false when it already does. A timer counts from the moment it
    /// is set, so one set while the clock jumps (a test's <c>FakeTimeProvider.Advance</c>) would fire late: a jump seen
    /// while setting it sets another from the new time, and the first to fire ends the wait.
    /// </summary>
    private async ValueTask<bool> WaitUntilAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (at <= now)
        {
            return false;
        }

        var timer = Task.Delay(at - now, _time, cancellationToken);
        while (true)
        {
            var set = _time.GetUtcNow();
            if (at <= set)
            {
                break;
            }

            if (set - now <= ClockJump)
            {
                await timer.ConfigureAwait(false);
                break;
            }

            now = set;
            timer = Task.WhenAny(timer, Task.Delay(at - now, _time, cancellationToken)).Unwrap();
        }

        cancellationToken.ThrowIfCancellationRequested();
        return true;
    }

    private DateTimeOffset ChatFreeAt(string conversationId)
    {
        lock (_gate)
        {
            return _chats.TryGetValue(conversationId, out var next) ? next : DateTimeOffset.MinValue;
        }
    }

    /// <summary>Takes the account's next free slot (now, when it is free) and moves the chat's and account's next sends past it; returns the slot.</summary>
    private DateTimeOffset TakeSlot(OutboxEntry entry, ChannelPacing pacing)
    {
        lock (_gate)
        {
            // Read under the lock: slots are handed out in clock order.
            var now = _time.GetUtcNow();
            var at = now;
            if (pacing.PerAccount is { } perAccount)
            {
                var account = (entry.Message.Channel, entry.Message.Conversation.Account);
                if (_accounts.TryGetValue(account, out var free) && free > at)
                {
                    at = free;
                }

                _accounts[account] = at + perAccount.Interval;
            }

            if (pacing.PerChat is { } perChat)
            {
                _chats[entry.ConversationId] = at + perChat.Interval;
            }

            PruneWhenLarge(now);
            return at;
        }
    }

    /// <summary>Drops entries already in the past (they no longer delay anything); amortized, so memory follows the chats active within an interval.</summary>
    private void PruneWhenLarge(DateTimeOffset now)
    {
        if (_chats.Count + _accounts.Count < _pruneAt)
        {
            return;
        }

        foreach (var (chat, next) in _chats)
        {
            if (next <= now)
            {
                _chats.Remove(chat);
            }
        }

        foreach (var (account, next) in _accounts)
        {
            if (next <= now)
            {
                _accounts.Remove(account);
            }
        }

        _pruneAt = Math.Max(PruneThreshold, 2 * (_chats.Count + _accounts.Count));
    }
}
