using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Omnichannel.Bots.Inbound;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Omnichannel.Bots.Adapters.Telegram;

/// <summary>
/// Long polling (<see cref="TelegramOptions.UseLongPolling"/>): <c>getUpdates</c> with a timeout, each update handed to
/// the same <see cref="TelegramUpdateReceiver"/> as the webhook's, in order. The offset that confirms updates to
/// Telegram moves past an update only once it is stored; when storing fails, the rest of the batch is left and read
/// again (after a short wait), and a stop mid-batch leaves the unconfirmed ones for the next start (the inbox drops
/// what it already holds). A 409 (a webhook is set, or another host polls with the same token) is logged as an error
/// saying what to do; with <see cref="TelegramOptions.DeleteWebhookForPolling"/> the webhook is deleted and polling
/// goes on.
/// </summary>
internal sealed partial class TelegramLongPolling : BackgroundService
{
    internal static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.EditedMessage, UpdateType.CallbackQuery];

    private const int BatchSize = 100;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly RetryBackoff PollBackoff = new(FirstRetryDelay, TimeSpan.FromSeconds(30));
    private static readonly TimeSpan ConflictRetryDelay = TimeSpan.FromMinutes(1);

    private readonly TelegramApi _api;
    private readonly TelegramUpdateReceiver _receiver;
    private readonly TimeProvider _time;
    private readonly ILogger<TelegramLongPolling> _logger;

    public TelegramLongPolling(TelegramApi api, TelegramUpdateReceiver receiver, TimeProvider time, ILogger<TelegramLongPolling> logger)
    {
        _api = api;
        _receiver = receiver;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = _api.Options;
        if (!options.Enabled || !options.UseLongPolling)
        {
            return;
        }

        var timeout = (int)options.PollingTimeout.TotalSeconds;
        int? offset = null;
        var failedPolls = 0;
        LogStarted(_logger, options.BotId);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan? wait;
            try
            {
                var updates = await _api.Client().GetUpdates(offset, BatchSize, timeout, AllowedUpdates, stoppingToken).ConfigureAwait(false);
                (offset, wait) = await StoreAsync(updates, offset, stoppingToken).ConfigureAwait(false);
                failedPolls = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == (int)HttpStatusCode.Conflict)
            {
                wait = await ConflictAsync(ex, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RequestException or HttpRequestException or OperationCanceledException)
            {
                var retryAfter = (ex as ApiRequestException)?.Parameters?.RetryAfter;
                wait = retryAfter is int seconds ? TimeSpan.FromSeconds(seconds) : PollBackoff.DelayFor(++failedPolls);
                LogPollFailed(_logger, wait.Value.TotalSeconds, ex.Message);
            }

            if (wait is { } delay)
            {
                try
                {
                    await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Stores updates in order; the next offset (past the last one stored), and a wait when one could not be stored.</summary>
    private async Task<(int? Offset, TimeSpan? Wait)> StoreAsync(Update[] updates, int? offset, CancellationToken stoppingToken)
    {
        foreach (var update in updates)
        {
            try
            {
                await _receiver.ReceiveAsync(update, stoppingToken).ConfigureAwait(false);
            }
            catch (InboundMessageRejectedException ex)
            {
                // Malformed for the inbox (over its limits): it never will be stored; confirm it and go on.
                LogRejected(_logger, update.Id, ex.Message);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                LogStoreFailed(_logger, update.Id, ex.Message);
                return (offset, FirstRetryDelay);
            }

            offset = update.Id + 1;
        }

        return (offset, null);
    }

    private async Task<TimeSpan?> ConflictAsync(ApiRequestException conflict, CancellationToken stoppingToken)
    {
        if (!_api.Options.DeleteWebhookForPolling)
        {
            LogConflict(_logger, conflict.Message);
            return ConflictRetryDelay;
        }

        LogDeletingWebhook(_logger, conflict.Message);
        await _api.Client().DeleteWebhook(dropPendingUpdates: false, stoppingToken).ConfigureAwait(false);
        return null;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Telegram long polling started for bot {BotId}")]
    private static partial void LogStarted(ILogger logger, string botId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Telegram getUpdates failed; trying again in {Seconds} s: {Problem}")]
    private static partial void LogPollFailed(ILogger logger, double seconds, string problem);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Storing Telegram update {UpdateId} failed; it is read again: {Problem}")]
    private static partial void LogStoreFailed(ILogger logger, int updateId, string problem);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Telegram update {UpdateId} was refused by the inbox and skipped: {Problem}")]
    private static partial void LogRejected(ILogger logger, int updateId, string problem);

    [LoggerMessage(
        EventId = 5,
        Level = LogLevel.Error,
        Message = "Telegram refused getUpdates with 409 ({Problem}): a webhook is set for this bot, or another host polls with the same token. Delete the webhook (deleteWebhook, or set Channels:Telegram:DeleteWebhookForPolling=true) or stop the other host; trying again in a minute")]
    private static partial void LogConflict(ILogger logger, string problem);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Telegram refused getUpdates with 409 ({Problem}); deleting the webhook (Channels:Telegram:DeleteWebhookForPolling is true)")]
    private static partial void LogDeletingWebhook(ILogger logger, string problem);
}
