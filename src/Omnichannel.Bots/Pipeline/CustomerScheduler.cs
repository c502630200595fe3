namespace Omnichannel.Bots;

/// <summary>
/// Runs turns one at a time per customer (whatever channel each message came on), in inbox sequence order, and
/// different customers in parallel (up to a limit). A customer's lane does not start a turn while a message for them
/// is still being appended, because that message may get the lower sequence: this is what keeps concurrent deliveries
/// on two channels in arrival order. The customer of a message being appended is the one the inbox would resolve
/// before the append (<see cref="Storage.IInboxStore.FindCustomerAsync"/>); while a message whose customer is not yet
/// known (a new conversation with no linked key) is being appended, no lane starts a turn, since the append may link
/// it to any customer. When the append resolves another customer than the one expected (a link or merge in between),
/// the turn runs in the resolved customer's lane.
/// </summary>
internal sealed class CustomerScheduler : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly Func<TurnWork, CancellationToken, Task> _runTurn;
    private readonly SemaphoreSlim _turnSlots;
    private readonly CancellationTokenSource _stopping = new();
    private int _activeLanes;
    private int _unresolvedAppends;
    private bool _disposed;
    private TaskCompletionSource? _drained;

    public CustomerScheduler(int maxConcurrentTurns, Func<TurnWork, CancellationToken, Task> runTurn)
    {
        _turnSlots = new SemaphoreSlim(maxConcurrentTurns, maxConcurrentTurns);
        _runTurn = runTurn;
    }

    /// <summary>
    /// A message for <paramref name="customerId"/> (null: not known yet) is being appended; hold their lane (all lanes
    /// when not known) until <see cref="EndAppend"/>.
    /// </summary>
    public void BeginAppend(string? customerId)
    {
        lock (_gate)
        {
            if (customerId is null)
            {
                _unresolvedAppends++;
            }
            else
            {
                LaneFor(customerId).PendingAppends++;
            }
        }
    }

    /// <summary>
    /// The append begun for <paramref name="expectedCustomerId"/> finished: queue its work (null for a duplicate or a
    /// failure) in the lane of the customer it was stored for, and release the held lane(s).
    /// </summary>
    public void EndAppend(string? expectedCustomerId, TurnWork? work)
    {
        lock (_gate)
        {
            if (expectedCustomerId is null)
            {
                _unresolvedAppends--;
            }
            else
            {
                LaneFor(expectedCustomerId).PendingAppends--;
            }

            if (work is not null)
            {
                LaneFor(work.Entry.CustomerId).Queue.Enqueue(work, work.Entry.Sequence);
            }

            if (expectedCustomerId is null)
            {
                StartAllOrForget();
            }
            else
            {
                StartOrForget(expectedCustomerId, LaneFor(expectedCustomerId));
                if (work is not null && work.Entry.CustomerId != expectedCustomerId)
                {
                    StartOrForget(work.Entry.CustomerId, LaneFor(work.Entry.CustomerId));
                }
            }
        }
    }

    /// <summary>Queues work read back from the inbox (after a restart) in its customer's lane.</summary>
    public void Schedule(TurnWork work)
    {
        lock (_gate)
        {
            var state = LaneFor(work.Entry.CustomerId);
            state.Queue.Enqueue(work, work.Entry.Sequence);
            StartOrForget(work.Entry.CustomerId, state);
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

    private void StartAllOrForget()
    {
        foreach (var (lane, state) in _lanes.ToList())
        {
            StartOrForget(lane, state);
        }
    }

    private void StartOrForget(string lane, Lane state)
    {
        if (state.Running || state.PendingAppends > 0)
        {
            return;
        }

        if (_unresolvedAppends > 0 && state.Queue.Count > 0)
        {
            // Started again by the EndAppend that resolves the last of them.
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
            if (_stopping.IsCancellationRequested || state.PendingAppends > 0 || _unresolvedAppends > 0 || !state.Queue.TryDequeue(out work!, out _))
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
