using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots;

/// <summary>
/// Sends committed replies. The outbox table is the only source of work: after every commit (and on a timer, for
/// retries and after a restart) a sweep reads the due rows, and each conversation's rows are sent one at a time in
/// order, conversations in parallel. Before every attempt the <see cref="ReachabilityPolicy"/> is asked (a row it
/// refuses is marked failed with the reason, never sent; a row it lets through gets the <see cref="SendWindow"/> it goes
/// in), then the channel's pacing is kept (<see cref="OutboxPacer"/>). A provider's own window refusal
/// (<see cref="ChannelSendException.WindowClosed"/>) fails the row with the policy's words.
/// A transient failure schedules a retry with backoff and holds the conversation's later rows behind it; a permanent
/// failure marks the row failed; an unreachable recipient also marks the conversation, so its later rows are refused
/// until the customer writes again.
/// </summary>
internal sealed partial class OutboxDispatcher : BackgroundService, IOutboxSignal
{
    private const int SweepBatch = 512;

    private readonly IOutboxStore _store;
    private readonly ChannelRegistry _channels;
    private readonly ReachabilityPolicy _reachability;
    private readonly IReadOnlyList<ITurnObserver> _observers;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly SemaphoreSlim _signal = new(0);
    private readonly SemaphoreSlim _sendSlots;
    private readonly OutboxLanes _lanes = new();
    private readonly RetryBackoff _backoff;
    private readonly OutboxPacer _pacer;
    private int _signaled;
    private CancellationToken _stopping;

    public OutboxDispatcher(
        IOutboxStore store,
        ChannelRegistry channels,
        ReachabilityPolicy reachability,
        IEnumerable<ITurnObserver> observers,
        IOptions<OutboxOptions> options,
        TimeProvider time,
        ILogger<OutboxDispatcher> logger)
    {
        _store = store;
        _channels = channels;
        _reachability = reachability;
        _observers = [.. observers];
        _options = options.Value;
        _time = time;
        _logger = logger;
        _sendSlots = new SemaphoreSlim(_options.MaxConcurrentSends, _options.MaxConcurrentSends);

        // Exact delays (no jitter): the row's next attempt time is what Outbox:FirstRetryDelay and MaxRetryDelay say.
        _backoff = new RetryBackoff(_options.FirstRetryDelay, _options.MaxRetryDelay);
        _pacer = new OutboxPacer(time);
    }

    /// <summary>New rows were committed: sweep soon.</summary>
    public void Notify()
    {
        if (Interlocked.Exchange(ref _signaled, 1) == 0)
        {
            _signal.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SweepAsync(stoppingToken).ConfigureAwait(false) == SweepBatch)
                {
                    // A full batch: there may be more due rows.
                }

                await WaitForWorkAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogSweepFailed(_logger, ex);
                await Task.Delay(_options.PollInterval, _time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WaitForWorkAsync(CancellationToken stoppingToken)
    {
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var signaled = _signal.WaitAsync(poll.Token);
        var timer = Task.Delay(_options.PollInterval, _time, poll.Token);
        await Task.WhenAny(signaled, timer).ConfigureAwait(false);
        await poll.CancelAsync().ConfigureAwait(false);
        stoppingToken.ThrowIfCancellationRequested();

        // Re-arm on every wake, before the sweep reads the table: a Notify racing the timer may have released the
        // semaphore to a wait that was being cancelled, and leaving the flag set would swallow every later Notify
        // until the next poll. A spare release only costs one extra sweep.
        Interlocked.Exchange(ref _signaled, 0);
    }

    private async Task<int> SweepAsync(CancellationToken stoppingToken)
    {
        var generation = _lanes.BeginSweep();
        var due = await _store.LoadDueAsync(SweepBatch, stoppingToken).ConfigureAwait(false);
        foreach (var lane in _lanes.Accept(due, generation))
        {
            _ = Task.Run(() => DrainAsync(lane), CancellationToken.None);
        }

        return due.Count;
    }

    private async Task DrainAsync(string conversationId)
    {
        while (_lanes.TryTakeNext(conversationId, out var entry))
        {
            var result = SendResult.Held;
            try
            {
                result = await DeliverAsync(entry).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // Stopping: the row stays pending and is sent after the next start.
            }
            catch (Exception ex)
            {
                LogMarkFailed(_logger, entry.Id, ex);
            }
            finally
            {
                _lanes.Finish(entry, holdConversation: result == SendResult.Held);
            }

            if (result == SendResult.Held)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Sends one row if its conversation can be reached, once the channel's pacing allows (waiting holds no send slot),
    /// checking reach again when the wait was long enough for it to change.
    /// </summary>
    private async Task<SendResult> DeliverAsync(OutboxEntry entry)
    {
        var channel = entry.Message.Channel;
        var reach = await _reachability.CheckAsync(entry.ConversationId, channel, _stopping).ConfigureAwait(false);
        if (reach.ProblemFor(entry.Message) is not null || !_channels.TryGet(channel, out var adapter))
        {
            return await RefuseAsync(entry, reach.ProblemFor(entry.Message) ?? ReachProblem.NoAdapter(channel)).ConfigureAwait(false);
        }

        if (await _pacer.WaitForTurnAsync(entry, adapter.Profile.Pacing, _stopping).ConfigureAwait(false))
        {
            reach = await _reachability.CheckAsync(entry.ConversationId, channel, _stopping).ConfigureAwait(false);
            if (reach.ProblemFor(entry.Message) is { } late)
            {
                return await RefuseAsync(entry, late).ConfigureAwait(false);
            }
        }

        // The window the policy let the message through (a human agent's past the bot's window: Messenger's tag).
        var message = entry.Message with { Window = reach.WindowFor(entry.Message) ?? SendWindow.Standard };
        await _sendSlots.WaitAsync(_stopping).ConfigureAwait(false);
        try
        {
            return await SendAsync(entry, message, adapter).ConfigureAwait(false);
        }
        finally
        {
            _sendSlots.Release();
        }
    }

    /// <summary>The conversation cannot be reached: the row is marked failed with the reason and never sent.</summary>
    private async Task<SendResult> RefuseAsync(OutboxEntry entry, ReachProblem problem)
    {
        LogRefused(_logger, entry.Id, entry.Message.Channel.Value, problem.Kind);
        await _store.MarkFailedAsync(entry.Id, problem.Message, _stopping).ConfigureAwait(false);
        return SendResult.Failed;
    }

    /// <summary>Hands <paramref name="message"/> (the row's message with its <see cref="SendWindow"/>) to the adapter and records the outcome on the row.</summary>
    private async Task<SendResult> SendAsync(OutboxEntry entry, BotMessage message, ChannelAdapter adapter)
    {
        var channel = message.Channel;
        SendReceipt receipt;
        using (var timeout = new CancellationTokenSource(_options.SendTimeout, _time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(_stopping, timeout.Token))
        {
            try
            {
                receipt = await adapter.SendAsync(message, linked.Token).ConfigureAwait(false);
            }
            catch (ChannelSendException ex) when (ex.WindowClosed)
            {
                // The provider's clock closed the window before ours: the row fails with the policy's own words.
                var problem = await _reachability.WindowClosedAsync(entry.ConversationId, channel, message, ex, _stopping).ConfigureAwait(false);
                LogProviderWindowClosed(_logger, entry.Id, channel.Value, ex.Message);
                await _store.MarkFailedAsync(entry.Id, problem.Message, _stopping).ConfigureAwait(false);
                return SendResult.Failed;
            }
            catch (ChannelSendException ex) when (ex.OptedOut)
            {
                // As for an unreachable chat: the opt-out first, then the row.
                var problem = await _reachability.MarkOptedOutAsync(entry.ConversationId, channel, ex, _stopping).ConfigureAwait(false);
                LogProviderOptOut(_logger, entry.Id, channel.Value, ex.Message);
                await _store.MarkFailedAsync(entry.Id, problem.Message, _stopping).ConfigureAwait(false);
                return SendResult.Failed;
            }
            catch (ChannelSendException ex) when (ex.Unreachable)
            {
                // The conversation first, then the row: a crash between the two leaves the row pending, and its next
                // attempt is refused with the same reason.
                var problem = await _reachability.MarkUnreachableAsync(entry.ConversationId, channel, ex, _stopping).ConfigureAwait(false);
                LogUnreachable(_logger, entry.Id, channel.Value, ex.Message);
                await _store.MarkFailedAsync(entry.Id, problem.Message, _stopping).ConfigureAwait(false);
                return SendResult.Failed;
            }
            catch (ChannelSendException ex) when (!ex.IsTransient)
            {
                LogPermanentFailure(_logger, entry.Id, channel.Value, ex.Message);
                await _store.MarkFailedAsync(entry.Id, ex.Message, _stopping).ConfigureAwait(false);
                return SendResult.Failed;
            }
            catch (Exception ex) when (!_stopping.IsCancellationRequested)
            {
                return await RetryLaterAsync(entry, ex, (ex as ChannelSendException)?.RetryAfter).ConfigureAwait(false);
            }
        }

        await NotifySentAsync(entry, receipt).ConfigureAwait(false);
        await _store.MarkSentAsync(entry.Id, receipt.ProviderMessageId, _stopping).ConfigureAwait(false);
        return SendResult.Sent;
    }

    private async Task<SendResult> RetryLaterAsync(OutboxEntry entry, Exception error, TimeSpan? retryAfter)
    {
        var attempts = entry.Attempts + 1;
        var reason = error is OperationCanceledException ? $"The send took longer than {_options.SendTimeout}." : error.Message;
        if (attempts >= _options.MaxAttempts)
        {
            LogGaveUp(_logger, entry.Id, attempts, error);
            await _store.MarkFailedAsync(entry.Id, reason, _stopping).ConfigureAwait(false);
            return SendResult.Failed;
        }

        var backoff = _backoff.DelayFor(attempts);
        var delay = retryAfter is { } asked && asked > backoff ? asked : backoff;
        LogWillRetry(_logger, entry.Id, attempts, delay, error);
        await _store.MarkRetryAsync(entry.Id, reason, _time.GetUtcNow() + delay, _stopping).ConfigureAwait(false);
        return SendResult.Held;
    }

    private async Task NotifySentAsync(OutboxEntry entry, SendReceipt receipt)
    {
        foreach (var observer in _observers)
        {
            try
            {
                await observer.MessageSentAsync(entry, receipt, _stopping).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogObserverFailed(_logger, observer.GetType().Name, ex);
            }
        }
    }

    private enum SendResult
    {
        Sent,
        Failed,

        /// <summary>Not sent and not finished (retry scheduled, or stopping): the conversation's later rows wait.</summary>
        Held,
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweeping the outbox failed; trying again shortly.")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {Id}: its reachability check or its status update failed; it stays pending and will be tried again (a duplicate send is possible if the provider had accepted it).")]
    private static partial void LogMarkFailed(ILogger logger, long id, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {Id} on {Channel} was not sent: the customer cannot be reached there ({Problem}).")]
    private static partial void LogRefused(ILogger logger, long id, string channel, ReachProblemKind problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {Id} on {Channel}: the recipient cannot be reached ({Reason}); the conversation's later messages are refused until the customer writes again.")]
    private static partial void LogUnreachable(ILogger logger, long id, string channel, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {Id} on {Channel}: the provider says the customer opted out; recorded, and nothing more is sent there until they opt in: {Reason}")]
    private static partial void LogProviderOptOut(ILogger logger, long id, string channel, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {Id} on {Channel}: the provider says the reply window has closed: {Reason}")]
    private static partial void LogProviderWindowClosed(ILogger logger, long id, string channel, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {Id} on {Channel} was refused: {Reason}")]
    private static partial void LogPermanentFailure(ILogger logger, long id, string channel, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {Id} failed (attempt {Attempt}); retrying in {Delay}.")]
    private static partial void LogWillRetry(ILogger logger, long id, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {Id} failed {Attempts} times; giving up.")]
    private static partial void LogGaveUp(ILogger logger, long id, int attempts, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn observer {Observer} failed.")]
    private static partial void LogObserverFailed(ILogger logger, string observer, Exception exception);
}
