using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Handoff;

/// <summary>
/// POSTs each new handoff's packet to <c>Handoff:Webhook:Url</c>, signed (<see cref="HandoffWebhookSignature"/>),
/// with the handoff id in <c>X-Omnibot-Delivery</c> (signed too) so a receiver can ignore a repeat. Delivery state is in the
/// handoff table: a crash or an unreachable receiver is retried with backoff (5 s doubling to 10 minutes) up to
/// <see cref="HandoffWebhookOptions.MaxAttempts"/>; a receiver answering 2xx is done. Off when no URL is set.
/// </summary>
public sealed partial class HandoffWebhookSender : BackgroundService
{
    public const string HttpClientName = "omnibot-handoff-webhook";

    private const int Batch = 16;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromMinutes(10);

    /// <summary>5 s doubling to 10 minutes, up to a fifth shorter at random so deliveries to one receiver spread out.</summary>
    private static readonly RetryBackoff Backoff = new(FirstRetry, MaxRetry, jitter: 0.2);

    /// <summary>Handoffs older than this when the webhook first sees them (it was off, or down for a day) are not sent.</summary>
    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);

    private readonly IHandoffWebhookStore _store;
    private readonly HandoffPacketBuilder _packets;
    private readonly IHttpClientFactory _http;
    private readonly HandoffWebhookOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<HandoffWebhookSender> _logger;
    private readonly SemaphoreSlim _signal = new(0, 1);

    public HandoffWebhookSender(
        IHandoffWebhookStore store,
        HandoffPacketBuilder packets,
        IHttpClientFactory http,
        IOptions<HandoffOptions> options,
        TimeProvider time,
        ILogger<HandoffWebhookSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _packets = packets;
        _http = http;
        _options = options.Value.Webhook;
        _time = time;
        _logger = logger;
    }

    public bool Enabled => _options.Url is not null;

    /// <summary>A handoff was created: send soon.</summary>
    public void Notify()
    {
        if (Enabled && _signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    /// <summary>
    /// Sends every due packet once; returns how many were delivered (the loop and tests call it). Without a URL it
    /// sends nothing and records no attempt.
    /// </summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return 0;
        }

        var delivered = 0;
        var now = _time.GetUtcNow();
        foreach (var ticket in await _store.LoadWebhookDueAsync(now, Batch, cancellationToken).ConfigureAwait(false))
        {
            if (now - ticket.QueuedAt > MaxAge)
            {
                await _store.MarkWebhookAsync(ticket.Id, delivered: false, "Not sent: the handoff was more than a day old when the webhook first tried it.", null, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (await SendAsync(ticket, cancellationToken).ConfigureAwait(false))
            {
                delivered++;
            }
        }

        return delivered;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken).ConfigureAwait(false);
                using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var signalled = _signal.WaitAsync(poll.Token);
                await Task.WhenAny(signalled, Task.Delay(PollInterval, _time, poll.Token)).ConfigureAwait(false);
                await poll.CancelAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogSweepFailed(_logger, ex);
                await Task.Delay(FirstRetry, _time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<bool> SendAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        string? error;
        try
        {
            var packet = await _packets.BuildAsync(ticket, cancellationToken).ConfigureAwait(false);
            var body = Encoding.UTF8.GetBytes(HandoffPacketJson.Serialize(packet));
            var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, _options.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add(HandoffWebhookSignature.EventHeader, HandoffWebhookSignature.HandoffCreatedEvent);
            var deliveryId = ticket.Id.ToString(CultureInfo.InvariantCulture);
            request.Headers.Add(HandoffWebhookSignature.DeliveryHeader, deliveryId);
            request.Headers.Add(HandoffWebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(HandoffWebhookSignature.SignatureHeader, HandoffWebhookSignature.Sign(_options.Secret!, timestamp, deliveryId, body));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            using var response = await _http.CreateClient(HttpClientName).SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                await _store.MarkWebhookAsync(ticket.Id, delivered: true, null, null, cancellationToken).ConfigureAwait(false);
                LogDelivered(_logger, ticket.Id);
                return true;
            }

            error = string.Create(CultureInfo.InvariantCulture, $"The receiver answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"The receiver did not answer within {_options.Timeout}.";
        }
        catch (HttpRequestException ex)
        {
            error = "The receiver could not be reached: " + ex.Message;
        }

        var attempts = ticket.WebhookAttempts + 1;
        if (attempts >= _options.MaxAttempts)
        {
            LogGaveUp(_logger, ticket.Id, attempts, error);
            await _store.MarkWebhookAsync(ticket.Id, delivered: false, error, null, cancellationToken).ConfigureAwait(false);
            return false;
        }

        var delay = Backoff.DelayFor(attempts);
        LogWillRetry(_logger, ticket.Id, attempts, delay, error);
        await _store.MarkWebhookAsync(ticket.Id, delivered: false, error, _time.GetUtcNow() + delay, cancellationToken).ConfigureAwait(false);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handoff {Id} was delivered to the webhook.")]
    private static partial void LogDelivered(ILogger logger, long id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handoff {Id}: webhook attempt {Attempt} failed ({Error}); retrying in {Delay}.")]
    private static partial void LogWillRetry(ILogger logger, long id, int attempt, TimeSpan delay, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handoff {Id}: the webhook failed {Attempts} times ({Error}); giving up.")]
    private static partial void LogGaveUp(ILogger logger, long id, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending handoff webhooks failed; trying again shortly.")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
