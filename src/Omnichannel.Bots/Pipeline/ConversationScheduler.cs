namespace Omnichannel.Bots;

/// <summary>
/// Runs turns one at a time per conversation, in inbox sequence order, and different conversations in parallel
/// (up to a limit). A conversation's lane does not start a turn while a message for it is still being appended,
/// because that message may get the lower sequence: this is what keeps concurrent deliveries in arrival order.
/// </summary>
internal sealed class ConversationScheduler : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly Func<TurnWork, CancellationToken, Task> _runTurn;
    private readonly SemaphoreSlim _turnSlots;
    private readonly CancellationTokenSource _stopping = new();
    private int _activeLanes;
    private bool _disposed;
    private TaskCompletionSource? _drained;

    public ConversationScheduler(int maxConcurrentTurns, Func<TurnWork, CancellationToken, Task> runTurn)
    {
        _turnSlots = new SemaphoreSlim(maxConcurrentTurns, maxConcurrentTurns);
        _runTurn = runTurn;
    }

    /// <summary>A message for <paramref name="lane"/> is being appended; hold the lane until <see cref="EndAppend"/>.</summary>
    public void BeginAppend(string lane)
    {
        lock (_gate)
        {
            LaneFor(lane).PendingAppends++;
        }
    }

    /// <summary>The append finished: queue its work (null for a duplicate or a failure) and release the lane.</summary>
    public void EndAppend(string lane, TurnWork? work)
    {
        lock (_gate)
        {
            var state = LaneFor(lane);
            state.PendingAppends--;
            if (work is not null)
            {
                state.Queue.Enqueue(work, work.Entry.Sequence);
            }

            StartOrForget(lane, state);
        }
    }

    /// <summary>Queues work read back from the inbox (after a restart).</summary>
    public void Schedule(string lane, TurnWork work)
    {
        lock (_gate)
        {
            var state = LaneFor(lane);
            state.Queue.Enqueue(work, work.Entry.Sequence);
            StartOrForget(lane, state);
        }
    }

    /// <summary>Stops starting turns and waits for the running ones to finish (or <paramref name="cancellationToken"/>).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task drained;
        lock (_gate)
        {
            _stopping.Cancel();
            _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_activeLanes == 0)
            {
                _drained.SetResult();
            }

            drained = _drained.Task;
        }

        await drained.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _stopping.Cancel();
        _stopping.Dispose();
        _turnSlots.Dispose();
    }

    private Lane LaneFor(string lane)
    {
        if (!_lanes.TryGetValue(lane, out var state))
        {
            state = new Lane();
            _lanes[lane] = state;
        }

        return state;
    }

    private void StartOrForget(string lane, Lane state)
    {
        if (state.Running || state.PendingAppends > 0)
        {
            return;
        }

        if (state.Queue.Count == 0 || _stopping.IsCancellationRequested)
        {
            if (state.Queue.Count == 0)
            {
                _lanes.Remove(lane);
            }

            return;
        }

        state.Running = true;
        _activeLanes++;
        _ = Task.Run(() => DrainAsync(lane, state));
    }

    private async Task DrainAsync(string lane, Lane state)
    {
        try
        {
            while (TryTakeNext(lane, state, out var work))
            {
                try
                {
                    await _turnSlots.WaitAsync(_stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    work.Waiter?.TrySetCanceled(_stopping.Token);
                    return;
                }

                try
                {
                    await _runTurn(work, _stopping.Token).ConfigureAwait(false);
                }
                finally
                {
                    _turnSlots.Release();
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                state.Running = false;
                _activeLanes--;
                if (_stopping.IsCancellationRequested)
                {
                    CancelQueued(state);
                    if (_activeLanes == 0)
                    {
                        _drained?.TrySetResult();
                    }
                }
                else
                {
                    StartOrForget(lane, state);
                }
            }
        }
    }

    private bool TryTakeNext(string lane, Lane state, out TurnWork work)
    {
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested || state.PendingAppends > 0 || !state.Queue.TryDequeue(out work!, out _))
            {
                work = null!;
                return false;
            }

            return true;
        }
    }

    private void CancelQueued(Lane state)
    {
        while (state.Queue.TryDequeue(out var work, out _))
        {
            // The message stays pending in the inbox and runs after the next start.
            work.Waiter?.TrySetCanceled(_stopping.Token);
        }
    }

    private sealed class Lane
    {
        public PriorityQueue<TurnWork, long> Queue { get; } = new();

        public int PendingAppends { get; set; }

        public bool Running { get; set; }
    }
}
