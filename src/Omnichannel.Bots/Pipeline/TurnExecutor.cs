using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Rendering;
using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots;

/// <summary>
/// Runs one stored inbound message as a turn: reads the conversation and the journey's dialog state, runs the
/// middleware and dialog, renders the replies for the channel, and commits everything in one transaction. A crash
/// before the commit leaves the message pending, so it runs again; after the commit it never runs again. A message
/// whose turn cannot be stored after <see cref="BotOptions.MaxTurnAttempts"/> attempts is parked, so the
/// conversation's later messages do not wait behind it.
/// </summary>
internal sealed partial class TurnExecutor
{
    private const int AttemptsBeforeGivingUp = 5;

    private readonly ITurnStore _turns;
    private readonly IInboxStore _inbox;
    private readonly ChannelRegistry _channels;
    private readonly TurnPipeline _pipeline;
    private readonly DialogRunner _dialogs;
    private readonly ReplyRenderer _renderer;
    private readonly OutboxDispatcher _outbox;
    private readonly ReachabilityPolicy _reachability;
    private readonly IReadOnlyList<ITurnObserver> _observers;
    private readonly BotOptions _options;
    private readonly TimeProvider _time;
    private readonly IServiceProvider _services;
    private readonly ILogger<TurnExecutor> _logger;
    private readonly ConcurrentDictionary<string, CultureInfo> _cultures = new(StringComparer.OrdinalIgnoreCase);

    public TurnExecutor(
        ITurnStore turns,
        IInboxStore inbox,
        ChannelRegistry channels,
        TurnPipeline pipeline,
        DialogRunner dialogs,
        ReplyRenderer renderer,
        OutboxDispatcher outbox,
        ReachabilityPolicy reachability,
        IEnumerable<ITurnObserver> observers,
        IOptions<BotOptions> options,
        TimeProvider time,
        IServiceProvider services,
        ILogger<TurnExecutor> logger)
    {
        _turns = turns;
        _inbox = inbox;
        _channels = channels;
        _pipeline = pipeline;
        _dialogs = dialogs;
        _renderer = renderer;
        _outbox = outbox;
        _reachability = reachability;
        _observers = [.. observers];
        _options = options.Value;
        _time = time;
        _services = services;
        _logger = logger;
    }

    /// <summary>
    /// Runs the turn until it commits; storage failures and state conflicts are retried (failures with backoff) up to
    /// <see cref="BotOptions.MaxTurnAttempts"/> attempts, then the message is parked. Stops early on <paramref name="stopping"/>.
    /// </summary>
    public async Task<TurnOutcome> ExecuteAsync(InboxEntry entry, CancellationToken stopping)
    {
        var error = string.Empty;
        for (var attempt = 1; attempt <= _options.MaxTurnAttempts; attempt++)
        {
            try
            {
                var outcome = await TryExecuteAsync(entry, minimal: attempt > AttemptsBeforeGivingUp, stopping).ConfigureAwait(false);
                if (outcome is not null)
                {
                    return outcome;
                }

                error = "The dialog state was changed by another writer on every attempt (state conflict).";
                LogStateConflict(_logger, entry.Sequence);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                error = $"{ex.GetType().Name}: {ex.Message}";
                LogTurnStorageFailure(_logger, entry.Sequence, attempt, _options.MaxTurnAttempts, ex);
                if (attempt < _options.MaxTurnAttempts)
                {
                    await Task.Delay(RetryDelay(attempt), _time, stopping).ConfigureAwait(false);
                }
            }
        }

        return await ParkAsync(entry, error, stopping).ConfigureAwait(false);
    }

    /// <summary>Parks the message durably (retrying with backoff while the inbox cannot be written) so its conversation moves on.</summary>
    private async Task<TurnOutcome> ParkAsync(InboxEntry entry, string error, CancellationToken stopping)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _inbox.ParkAsync(entry.Sequence, error, _options.MaxTurnAttempts, stopping).ConfigureAwait(false);
                LogParked(_logger, entry.Sequence, entry.Message.Channel.Value, _options.MaxTurnAttempts, error);
                return new TurnOutcome(entry.Sequence, TurnStatus.Parked, [], null, error);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                LogParkFailed(_logger, entry.Sequence, attempt, ex);
                await Task.Delay(RetryDelay(attempt), _time, stopping).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One try; null when the dialog state changed under the turn and it must run again.</summary>
    private async Task<TurnOutcome?> TryExecuteAsync(InboxEntry entry, bool minimal, CancellationToken stopping)
    {
        var snapshot = await _turns.LoadAsync(entry, _dialogs.RootDialogId, stopping).ConfigureAwait(false);
        var profile = ProfileFor(entry.Message.Channel);
        var message = MapChoice(entry.Message, snapshot.Conversation.OfferedChoices);
        var turn = new TurnContext(entry, message, snapshot, profile, CultureFor(message.Locale ?? snapshot.Conversation.Locale), _time, _services);
        await NotifyAsync(o => o.TurnStartingAsync(entry, stopping)).ConfigureAwait(false);

        var (status, error) = minimal
            ? (TurnStatus.Failed, "The turn could not be stored after several attempts; it was recorded without running.")
            : await RunAsync(turn, snapshot.Conversation, profile, stopping).ConfigureAwait(false);
        var rendered = minimal ? [] : turn.Replies.Select(r => _renderer.Render(r, profile.Capabilities)).ToList();
        var commit = new TurnCommit
        {
            // The customer as the turn read it: after a merge the inbox row's customer is stale.
            Inbound = entry with { CustomerId = snapshot.Customer.Id },
            Status = status,
            Error = error,
            Replies = [.. rendered.SelectMany(r => r.Messages)],
            DialogId = status == TurnStatus.Completed ? _dialogs.RootDialogId : null,
            DialogStateJson = turn.DialogStateJson,
            ExpectedStateVersion = snapshot.DialogState?.Version ?? 0,
            OfferedChoices = rendered.Count == 0 ? snapshot.Conversation.OfferedChoices : rendered[^1].OfferedChoices,
            ExpectedOwnerEpoch = snapshot.Conversation.OwnerEpoch,
            Handoff = status == TurnStatus.Completed ? turn.Handoff : null,
            Insights = status == TurnStatus.Completed ? turn.Insights : TurnInsights.None,
            Records = status == TurnStatus.Completed ? [.. turn.Records] : [],
        };
        var result = await _turns.CommitAsync(commit, stopping).ConfigureAwait(false);
        if (result.StateConflict)
        {
            return null;
        }

        var outcome = new TurnOutcome(entry.Sequence, status, commit.Replies, commit.Handoff, error) { RepliesDropped = result.RepliesDropped };
        await NotifyAsync(o => o.TurnCommittedAsync(outcome, stopping)).ConfigureAwait(false);
        if (result.Outbox.Count > 0)
        {
            _outbox.Notify();
        }

        return outcome;
    }

    private async Task<(TurnStatus Status, string? Error)> RunAsync(TurnContext turn, ConversationRecord conversation, ChannelProfile profile, CancellationToken stopping)
    {
        if (await AnswerKeywordAsync(turn, profile, stopping).ConfigureAwait(false) || conversation.Owner != ConversationOwner.Bot)
        {
            return (TurnStatus.Recorded, null);
        }

        using var timeout = new CancellationTokenSource(_options.TurnTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
        try
        {
            await _pipeline.Handler(turn, linked.Token).ConfigureAwait(false);
            return (TurnStatus.Completed, null);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            var error = timeout.IsCancellationRequested
                ? $"The turn did not finish within {_options.TurnTimeout}."
                : $"{ex.GetType().Name}: {ex.Message}";
            LogTurnFailed(_logger, turn.Inbound.Sequence, turn.Message.Channel.Value, ex);
            turn.DiscardReplies();
            await turn.ReplyAsync(_options.Texts.TurnFailed, stopping).ConfigureAwait(false);
            return (TurnStatus.Failed, error);
        }
    }

    private ChannelProfile ProfileFor(ChannelId channel) => _channels.ProfileFor(channel);

    /// <summary>
    /// When the whole message is a compliance keyword (<see cref="ChannelProfile.KeywordOf"/>), answers it if the bot
    /// answers keywords on this channel and returns true: the turn is recorded and the dialog does not see it. The
    /// opt-out state is read only for a word whose meaning or answer depends on it (YES; a repeated STOP is not
    /// confirmed twice). The opt-out or opt-in itself is stored with the turn by the storage provider.
    /// </summary>
    private async Task<bool> AnswerKeywordAsync(TurnContext turn, ChannelProfile profile, CancellationToken cancellationToken)
    {
        var text = turn.Message.Text;
        var botAnswers = profile.KeywordReplies == KeywordReplies.Bot;
        var dependsOnOptOut = profile.IsOptIn(text) || (botAnswers && profile.IsOptOut(text));
        var optedOut = dependsOnOptOut
            && (await _reachability.CheckAsync(turn.Inbound.ConversationId, profile.Channel, cancellationToken).ConfigureAwait(false)).OptedOut;
        var keyword = profile.KeywordOf(text, optedOut);
        var answer = !botAnswers ? null : keyword switch
        {
            KeywordKind.OptOut when !optedOut => profile.KeywordTexts.OptedOut,
            KeywordKind.OptIn => profile.KeywordTexts.OptedIn,
            KeywordKind.Help => profile.KeywordTexts.Help,
            _ => null,
        };
        if (!string.IsNullOrWhiteSpace(answer))
        {
            await turn.ReplyAsync(turn.CreateReply(answer) with { Kind = MessageKind.KeywordReply }, cancellationToken).ConfigureAwait(false);
        }

        return keyword != KeywordKind.None;
    }

    private static BotMessage MapChoice(BotMessage message, OfferedChoices? offered)
    {
        if (offered is null || message.Value is not null)
        {
            return message;
        }

        var choice = ChoiceMatcher.MatchWhole(message.Text, offered.Choices, allowPositions: offered.Numbered);
        return choice is null ? message : message with { Value = choice.Value };
    }

    private CultureInfo CultureFor(string? locale) => _cultures.GetOrAdd(locale ?? _options.DefaultLocale, name =>
    {
        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo(_options.DefaultLocale);
        }
    });

    private async Task NotifyAsync(Func<ITurnObserver, ValueTask> notify)
    {
        foreach (var observer in _observers)
        {
            try
            {
                await notify(observer).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogObserverFailed(_logger, observer.GetType().Name, ex);
            }
        }
    }

    /// <summary>100 ms doubling to 30 s between storage retries, up to a fifth shorter at random so conversations do not retry in step.</summary>
    private static readonly RetryBackoff StorageRetry = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30), jitter: 0.2);

    private static TimeSpan RetryDelay(int attempt) => StorageRetry.DelayFor(attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn {Sequence} on {Channel} failed; the customer got an apology and the dialog state is unchanged.")]
    private static partial void LogTurnFailed(ILogger logger, long sequence, string channel, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn {Sequence} could not be stored (attempt {Attempt} of {MaxAttempts}).")]
    private static partial void LogTurnStorageFailure(ILogger logger, long sequence, int attempt, int maxAttempts, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn {Sequence} read dialog state that another writer changed; running it again.")]
    private static partial void LogStateConflict(ILogger logger, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn {Sequence} on {Channel} could not be stored after {Attempts} attempts; the message is parked (omnibot inbox parked list) and its conversation moves on. Last error: {Error}")]
    private static partial void LogParked(ILogger logger, long sequence, string channel, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn {Sequence} could not be parked (attempt {Attempt}); trying again.")]
    private static partial void LogParkFailed(ILogger logger, long sequence, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn observer {Observer} failed.")]
    private static partial void LogObserverFailed(ILogger logger, string observer, Exception exception);
}
