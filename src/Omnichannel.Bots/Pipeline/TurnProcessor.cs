using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Identity;
using Omnichannel.Bots.Inbound;
using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots;

/// <summary>
/// The inbox front door and the turn loop. Submitting validates, deduplicates and stores a message; the
/// scheduler then runs its turn in order. On start it first runs every message a previous process stored but did
/// not finish, and submissions wait until that recovery has queued them. While it runs it picks up parked messages an
/// operator put back (every <see cref="BotOptions.RequeuePollInterval"/>).
/// </summary>
internal sealed partial class TurnProcessor : BackgroundService, IMessageInbox
{
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

    private readonly IInboxStore _inbox;
    private readonly TurnExecutor _executor;
    private readonly ChannelRegistry _channels;
    private readonly BotOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TurnProcessor> _logger;
    private readonly CustomerScheduler _scheduler;
    private readonly TaskCompletionSource _recovered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TurnProcessor(
        IInboxStore inbox,
        TurnExecutor executor,
        ChannelRegistry channels,
        IOptions<BotOptions> options,
        TimeProvider time,
        ILogger<TurnProcessor> logger)
    {
        _inbox = inbox;
        _executor = executor;
        _channels = channels;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _scheduler = new CustomerScheduler(_options.MaxConcurrentTurns, RunTurnAsync);
    }

    public async Task<InboxReceipt> SubmitAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var (receipt, _) = await SubmitCoreAsync(message, waiter: null, cancellationToken).ConfigureAwait(false);
        return receipt;
    }

    public async Task<TurnOutcome> SubmitAndWaitAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<TurnOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var (receipt, _) = await SubmitCoreAsync(message, waiter, cancellationToken).ConfigureAwait(false);
        return receipt.IsDuplicate ? TurnOutcome.Duplicate : await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _scheduler.StopAsync(cancellationToken).ConfigureAwait(false);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _scheduler.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var pending = await _inbox.LoadPendingAsync(stoppingToken).ConfigureAwait(false);
            foreach (var entry in pending)
            {
                _scheduler.Schedule(new TurnWork(entry, Waiter: null));
            }

            // Messages put back before the read above are already scheduled; later ones are left for the poll.
            var loaded = pending.Select(e => e.Sequence).ToHashSet();
            foreach (var entry in await _inbox.ClaimRequeuedAsync(stoppingToken).ConfigureAwait(false))
            {
                if (!loaded.Contains(entry.Sequence))
                {
                    _scheduler.Schedule(new TurnWork(entry, Waiter: null));
                }
            }

            if (pending.Count > 0)
            {
                LogRecovered(_logger, pending.Count);
            }

            _recovered.TrySetResult();
        }
        catch (Exception ex)
        {
            _recovered.TrySetException(ex);
            throw;
        }

        await Task.WhenAll(PurgePeriodicallyAsync(stoppingToken), PollRequeuedAsync(stoppingToken)).ConfigureAwait(false);
    }

    private async Task<(InboxReceipt Receipt, TurnWork? Work)> SubmitCoreAsync(InboundMessage inbound, TaskCompletionSource<TurnOutcome>? waiter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var message = inbound.Message;
        if (!_channels.TryGet(message.Channel, out _))
        {
            throw new InboundMessageRejectedException([$"no adapter is registered for channel '{message.Channel}'"]);
        }

        if (message.Timestamp == default)
        {
            message = message with { Timestamp = _time.GetUtcNow() };
        }

        await _recovered.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        var identityClaims = IdentityKeys.For(message);
        var expectedCustomer = await _inbox.FindCustomerAsync(message.Channel, message.Conversation, identityClaims, cancellationToken).ConfigureAwait(false);
        _scheduler.BeginAppend(expectedCustomer);
        TurnWork? work = null;
        try
        {
            var appended = await _inbox.AppendAsync(message, identityClaims, cancellationToken).ConfigureAwait(false);
            if (appended.Entry is null)
            {
                LogDuplicate(_logger, message.Channel.Value);
                return (new InboxReceipt(IsDuplicate: true, Sequence: 0), null);
            }

            work = new TurnWork(appended.Entry, waiter);
            return (new InboxReceipt(IsDuplicate: false, appended.Entry.Sequence), work);
        }
        finally
        {
            _scheduler.EndAppend(expectedCustomer, work);
        }
    }

    private async Task RunTurnAsync(TurnWork work, CancellationToken stopping)
    {
        try
        {
            var outcome = await _executor.ExecuteAsync(work.Entry, stopping).ConfigureAwait(false);
            work.Waiter?.TrySetResult(outcome);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The message stays pending and runs after the next start.
            work.Waiter?.TrySetCanceled(stopping);
        }
        catch (Exception ex)
        {
            LogTurnAbandoned(_logger, work.Entry.Sequence, ex);
            work.Waiter?.TrySetException(ex);
        }
    }

    private async Task PurgePeriodicallyAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PurgeInterval, _time);
        try
        {
            do
            {
                try
                {
                    var purged = await _inbox.PurgeProcessedAsync(_time.GetUtcNow() - _options.InboxRetention, stoppingToken).ConfigureAwait(false);
                    LogPurged(_logger, purged);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogPurgeFailed(_logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Schedules parked messages an operator put back (<c>omnibot inbox parked retry</c>) while the host runs.</summary>
    private async Task PollRequeuedAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.RequeuePollInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    var requeued = await _inbox.ClaimRequeuedAsync(stoppingToken).ConfigureAwait(false);
                    foreach (var entry in requeued)
                    {
                        _scheduler.Schedule(new TurnWork(entry, Waiter: null));
                    }

                    if (requeued.Count > 0)
                    {
                        LogRequeued(_logger, requeued.Count);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRequeuePollFailed(_logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered {Count} inbound messages a previous process stored but did not finish.")]
    private static partial void LogRecovered(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled {Count} parked messages an operator put back.")]
    private static partial void LogRequeued(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for parked messages put back failed; will look again later.")]
    private static partial void LogRequeuePollFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored a duplicate delivery on {Channel}.")]
    private static partial void LogDuplicate(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Turn {Sequence} was abandoned by an unexpected error; it stays pending until the next start.")]
    private static partial void LogTurnAbandoned(ILogger logger, long sequence, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Purged {Count} processed inbox rows past retention.")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging old inbox rows failed; will try again later.")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
