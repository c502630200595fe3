using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>
/// The desk's clock, every few seconds: a conversation whose agent left the customer's message unanswered for
/// <see cref="AgentsOptions.ReplyTimeout"/> goes back to its queue (keeping its place), and a journey returned to the
/// bot that has been quiet for <see cref="HandoffOptions.CsatAfterQuiet"/> gets its 1-5 rating question.
/// </summary>
public sealed partial class HandoffTimers : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CsatLookBack = TimeSpan.FromDays(7);

    private readonly IHandoffTicketStore _store;
    private readonly IHandoffCustomerStore _customers;
    private readonly HandoffDesk _desk;
    private readonly AgentsOptions _agents;
    private readonly HandoffOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<HandoffTimers> _logger;

    public HandoffTimers(IHandoffTicketStore store, IHandoffCustomerStore customers, HandoffDesk desk, IOptions<AgentsOptions> agents, IOptions<HandoffOptions> options, TimeProvider time, ILogger<HandoffTimers> logger)
    {
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _customers = customers;
        _desk = desk;
        _agents = agents.Value;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>One pass: re-queues idle assignments and asks due ratings; returns how many of each (tests call it).</summary>
    public async Task<(int Requeued, int CsatAsked)> TickAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var requeued = 0;
        foreach (var ticket in await _store.ListOpenAsync(cancellationToken).ConfigureAwait(false))
        {
            if (ticket.Status != HandoffTicketStatus.Assigned)
            {
                continue;
            }

            var waitingSince = await CustomerWaitingSinceAsync(ticket, cancellationToken).ConfigureAwait(false);
            if (waitingSince is { } since && now - since >= _agents.ReplyTimeout
                && await _desk.RequeueIdleAsync(ticket, _agents.ReplyTimeout, cancellationToken).ConfigureAwait(false))
            {
                requeued++;
            }
        }

        var asked = 0;
        foreach (var ticket in await _store.ListClosedSinceAsync(now - CsatLookBack, cancellationToken).ConfigureAwait(false))
        {
            if (ticket.Status == HandoffTicketStatus.ReturnedToBot && ticket.CsatRequestedAt is null
                && await IsQuietAsync(ticket, now, cancellationToken).ConfigureAwait(false)
                && await _desk.AskCsatAsync(ticket, cancellationToken).ConfigureAwait(false))
            {
                asked++;
            }
        }

        return (requeued, asked);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, _time, stoppingToken).ConfigureAwait(false);
                await TickAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogTickFailed(_logger, ex);
            }
        }
    }

    /// <summary>
    /// Since when the customer has been waiting for the agent: the claim, until the agent's first reply; after it, the
    /// customer's first message the agent has not answered; null when the agent spoke last.
    /// </summary>
    private async Task<DateTimeOffset?> CustomerWaitingSinceAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        if (ticket.LastAgentReplyAt is not { } replied)
        {
            return ticket.ClaimedAt;
        }

        var conversations = await _customers.GetCustomerConversationsAsync(ticket.CustomerId, cancellationToken).ConfigureAwait(false);
        var lastInbound = conversations.Max(c => c.LastInboundAt);
        return lastInbound > replied ? lastInbound : null;
    }

    private async Task<bool> IsQuietAsync(HandoffTicket ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var quiet = _options.CsatAfterQuiet;
        if (ticket.ClosedAt is not { } closed || now - closed < quiet)
        {
            return false;
        }

        var latest = await _store.FindLatestForCustomerAsync(ticket.CustomerId, cancellationToken).ConfigureAwait(false);
        if (latest?.Id != ticket.Id)
        {
            return false;
        }

        var conversations = await _customers.GetCustomerConversationsAsync(ticket.CustomerId, cancellationToken).ConfigureAwait(false);
        var lastInbound = conversations.Max(c => c.LastInboundAt);
        return lastInbound is null || now - lastInbound >= quiet;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The handoff desk's timer failed; it runs again shortly.")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
