using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots;

/// <summary>
/// Which outbox rows are queued or in flight, per conversation, so that a sweep never hands out a row twice.
/// Sweeps are numbered: a row finished (or a conversation held for a retry) while sweep N was reading may still
/// look due in that sweep's results, so those results skip it; sweep N+1 reads the table after the change.
/// </summary>
internal sealed class OutboxLanes
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PriorityQueue<OutboxEntry, long>> _queues = new(StringComparer.Ordinal);
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);
    private readonly HashSet<long> _known = [];
    private readonly Dictionary<long, long> _finishedInSweep = [];
    private readonly Dictionary<string, long> _heldInSweep = new(StringComparer.Ordinal);
    private long _sweep;

    /// <summary>Starts a sweep; returns its number for <see cref="Accept"/>.</summary>
    public long BeginSweep()
    {
        lock (_gate)
        {
            _finishedInSweep.Clear();
            _heldInSweep.Clear();
            return ++_sweep;
        }
    }

    /// <summary>Queues the rows a sweep found that nobody holds; returns the conversations that need a sender started.</summary>
    public IReadOnlyList<string> Accept(IReadOnlyList<OutboxEntry> due, long sweep)
    {
        var toStart = new List<string>();
        lock (_gate)
        {
            foreach (var entry in due)
            {
                if (_known.Contains(entry.Id)
                    || _finishedInSweep.ContainsKey(entry.Id)
                    || (_heldInSweep.TryGetValue(entry.ConversationId, out var held) && held >= sweep))
                {
                    continue;
                }

                _known.Add(entry.Id);
                if (!_queues.TryGetValue(entry.ConversationId, out var queue))
                {
                    queue = new PriorityQueue<OutboxEntry, long>();
                    _queues[entry.ConversationId] = queue;
                }

                queue.Enqueue(entry, entry.Id);
                if (_running.Add(entry.ConversationId))
                {
                    toStart.Add(entry.ConversationId);
                }
            }
        }

        return toStart;
    }

    /// <summary>The conversation's next row, or false (and the conversation's sender stops) when none is queued.</summary>
    public bool TryTakeNext(string conversationId, out OutboxEntry entry)
    {
        lock (_gate)
        {
            if (_queues.TryGetValue(conversationId, out var queue) && queue.TryDequeue(out entry!, out _))
            {
                return true;
            }

            _queues.Remove(conversationId);
            _running.Remove(conversationId);
            entry = null!;
            return false;
        }
    }

    /// <summary>
    /// A row's send is over. With <paramref name="holdConversation"/> (a retry is scheduled, or we are stopping) the
    /// conversation's queued rows are released unsent, to be read again in order once the held row is due, and its
    /// sender stops.
    /// </summary>
    public void Finish(OutboxEntry entry, bool holdConversation)
    {
        lock (_gate)
        {
            _known.Remove(entry.Id);
            _finishedInSweep[entry.Id] = _sweep;
            if (!holdConversation)
            {
                return;
            }

            _heldInSweep[entry.ConversationId] = _sweep;
            if (_queues.Remove(entry.ConversationId, out var queue))
            {
                while (queue.TryDequeue(out var released, out _))
                {
                    _known.Remove(released.Id);
                }
            }

            _running.Remove(entry.ConversationId);
        }
    }
}
