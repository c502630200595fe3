using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Handoff.Routing;
using Omnichannel.Bots.Rendering;

namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>
/// The agent desk on the handoff store: lists and opens handoffs (with the packet built from stored data), and
/// claims, replies, notes, transfers, resolves and returns them, each checked against the ticket's current state.
/// An agent reads and acts only on tickets of the queues they work (<see cref="AgentIdentity.MayActOn"/>; an admin on
/// every queue): any other ticket answers <see cref="DeskOutcome.NotFound"/>, as if it did not exist, and changes
/// nothing. The claim, a queued ticket's transfer and a note check the queue in the statement that writes; reply,
/// resolve and return need the agent to have the ticket, and an assigned ticket's queue cannot change under them.
/// Messages to the customer are rendered for their current channel, sent as the agent's opaque handle
/// (<see cref="AgentHandles"/>) with their display name, written to the transcript and outbox in the store's
/// transaction and sent by the outbox; every change is published to the live feed with the ticket's queue.
/// </summary>
public sealed partial class HandoffDesk : IHandoffDesk
{
    /// <summary>The longest reply or note an agent may write.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>The author of notes the desk writes itself (a re-queue after the reply timeout).</summary>
    public const string SystemAuthor = "system";

    private readonly IHandoffTicketStore _store;
    private readonly IHandoffDeskStore _changes;
    private readonly IHandoffCsatStore _csat;
    private readonly TicketSummaries _summaries;
    private readonly HandoffPacketBuilder _packets;
    private readonly IRoutingRulesProvider _rules;
    private readonly DeskMessages _messages;
    private readonly IOutboxSignal _outbox;
    private readonly DeskEvents _events;
    private readonly HandoffTexts _texts;
    private readonly AgentHandles _handles;
    private readonly TimeProvider _time;
    private readonly ILogger<HandoffDesk> _logger;

    public HandoffDesk(
        IHandoffTicketStore store,
        IHandoffDeskStore changes,
        IHandoffCsatStore csat,
        TicketSummaries summaries,
        HandoffPacketBuilder packets,
        IRoutingRulesProvider rules,
        ReplyRenderer renderer,
        IOutboxSignal outbox,
        DeskEvents events,
        IOptions<HandoffOptions> options,
        AgentHandles handles,
        TimeProvider time,
        ILogger<HandoffDesk> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _changes = changes;
        _csat = csat;
        _summaries = summaries;
        _packets = packets;
        _rules = rules;
        _outbox = outbox;
        _events = events;
        _texts = options.Value.Texts;
        _messages = new DeskMessages(renderer, _texts, time);
        _handles = handles;
        _time = time;
        _logger = logger;
    }

    public IReadOnlyList<string> Queues => _rules.Current.Queues;

    public Task<IReadOnlyList<TicketSummary>> ListOpenAsync(CancellationToken cancellationToken) => ListOpenAsync(_ => true, cancellationToken);

    public Task<IReadOnlyList<TicketSummary>> ListOpenAsync(AgentIdentity agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return ListOpenAsync(t => agent.MayActOn(t.Queue), cancellationToken);
    }

    public async Task<TicketDetail?> GetAsync(long id, CancellationToken cancellationToken) =>
        await _store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } ticket
            ? await DetailAsync(ticket, cancellationToken).ConfigureAwait(false)
            : null;

    public async Task<TicketDetail?> GetAsync(long id, AgentIdentity agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return await _store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } ticket && agent.MayActOn(ticket.Queue)
            ? await DetailAsync(ticket, cancellationToken).ConfigureAwait(false)
            : null;
    }

    private async Task<IReadOnlyList<TicketSummary>> ListOpenAsync(Func<HandoffTicket, bool> visible, CancellationToken cancellationToken)
    {
        var open = (await _store.ListOpenAsync(cancellationToken).ConfigureAwait(false)).Where(visible).ToList();
        var ordered = open
            .OrderBy(t => t.Status == HandoffTicketStatus.Queued ? 0 : 1)
            .ThenByDescending(t => t.Status == HandoffTicketStatus.Queued ? t.Priority : HandoffPriority.Low)
            .ThenBy(t => t.QueuedAt)
            .ThenBy(t => t.Id);
        var summaries = new List<TicketSummary>(open.Count);
        foreach (var ticket in ordered)
        {
            summaries.Add(await _summaries.SummarizeAsync(ticket, cancellationToken).ConfigureAwait(false));
        }

        return summaries;
    }

    private async Task<TicketDetail> DetailAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        var id = ticket.Id;

        // One read of the customer's history serves the packet, the live transcript, the reply target and the summary.
        var history = await _packets.LoadHistoryAsync(ticket.CustomerId, cancellationToken).ConfigureAwait(false);
        var packet = await _packets.BuildAsync(ticket, history, cancellationToken).ConfigureAwait(false);
        var journeyStart = packet.Transcript.Count > 0 ? packet.Transcript[0].At : ticket.QueuedAt;
        var live = history.Transcript.Where(e => e.At >= journeyStart).Select(e => ForAgents(PacketTranscript.ToMessage(e))).ToList();
        var notes = await _changes.GetNotesAsync(id, cancellationToken).ConfigureAwait(false);
        var reply = await _packets.CurrentReachAsync(history, cancellationToken).ConfigureAwait(false) is { } r
            ? ReplyTarget.For(r.Conversation, r.Reach)
            : new ReplyTarget(ticket.Channel.Value, ticket.ConversationId, false, "The customer has no conversation to reply to.");
        packet = packet with { Transcript = [.. packet.Transcript.Select(ForAgents)] };
        return new TicketDetail(TicketSummaries.Summarize(ticket, history.Transcript, history.Profile), packet, live, notes, reply);
    }

    public async Task<DeskResult> ClaimAsync(long id, AgentIdentity agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);

        // The queue is checked by the UPDATE that claims: a transfer between a read and the claim cannot let it through.
        var result = await _changes.ClaimAsync(id, agent.Id, agent.Scope, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (!result.Claimed)
        {
            return result.Ticket switch
            {
                null => NotFound(id),
                { Queue: var queue } when !agent.MayActOn(queue) => NotFound(id),
                { Status: HandoffTicketStatus.Assigned, AgentId: var owner } when owner == agent.Id => DeskResult.Ok,
                { Status: HandoffTicketStatus.Assigned, AgentId: var owner } => new DeskResult(DeskOutcome.Conflict, $"{owner} claimed this conversation first."),
                _ => new DeskResult(DeskOutcome.Conflict, "This conversation is closed."),
            };
        }

        LogClaimed(_logger, id, agent.Id);
        await PublishTicketAsync(id, cancellationToken).ConfigureAwait(false);
        return DeskResult.Ok;
    }

    public Task<DeskResult> ReplyAsync(long id, AgentIdentity agent, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return Validate(text) is { } invalid
            ? Task.FromResult(invalid)
            : SendAgentMessageAsync(id, agent, conversation => _messages.New(conversation, text.Trim()), cancellationToken);
    }

    public Task<DeskResult> SendTemplateAsync(long id, AgentIdentity agent, MessageTemplate template, string previewText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(template);
        if (string.IsNullOrWhiteSpace(template.Name) || string.IsNullOrWhiteSpace(template.Language))
        {
            return Task.FromResult(new DeskResult(DeskOutcome.Invalid, "A template needs its name and its language code as approved (for example en_US)."));
        }

        return Validate(previewText) is { } invalid
            ? Task.FromResult(invalid)
            : SendAgentMessageAsync(id, agent, conversation => _messages.New(conversation, previewText.Trim()) with { Template = template }, cancellationToken);
    }

    /// <summary>
    /// Sends the agent's message (<paramref name="compose"/>d for the customer's current conversation, as the agent) when
    /// the reachability policy lets it through: a free-form reply within the agent's window, a template on a channel
    /// with templates whatever the window. A text is rendered for the channel; a template goes as one message whose
    /// text is what the transcript shows.
    /// </summary>
    private async Task<DeskResult> SendAgentMessageAsync(long id, AgentIdentity agent, Func<ConversationRecord, BotMessage> compose, CancellationToken cancellationToken)
    {
        var (ticket, problem) = await OwnedAsync(id, agent, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var reach = await _packets.CurrentReachAsync(ticket!.CustomerId, cancellationToken).ConfigureAwait(false);
        if (reach is not { } target)
        {
            return new DeskResult(DeskOutcome.Undeliverable, "The customer has no conversation to reply to.");
        }

        var conversation = target.Conversation;
        var message = compose(conversation) with { Sender = new Participant(_handles.For(agent.Id), agent.Name) };
        if (target.Reach.ProblemFor(message) is { } undeliverable)
        {
            return new DeskResult(DeskOutcome.Undeliverable, undeliverable.Message);
        }

        var parts = message.Template is null ? _messages.Render(message, target.Reach.Profile) : [message];
        foreach (var part in parts)
        {
            var queued = await _changes.AddAgentMessageAsync(id, agent.Id, conversation.Id, part, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (queued is null)
            {
                return new DeskResult(DeskOutcome.Conflict, "This conversation is no longer yours (it was re-queued or closed).");
            }

            _events.Publish(new DeskEvent(DeskEventKind.Message, id) { Queue = ticket.Queue, Message = ForAgents(AgentMessage(part, conversation, queued.CreatedAt)) });
        }

        _outbox.Notify();
        return DeskResult.Ok;
    }

    public async Task<DeskResult> AddNoteAsync(long id, AgentIdentity agent, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (Validate(text) is { } invalid)
        {
            return invalid;
        }

        var note = await _changes.AddNoteAsync(id, agent.Id, text.Trim(), agent.Scope, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (note is null)
        {
            return NotFound(id);
        }

        var queue = (await _store.GetAsync(id, cancellationToken).ConfigureAwait(false))?.Queue;
        _events.Publish(new DeskEvent(DeskEventKind.Note, id) { Queue = queue, Note = note });
        return DeskResult.Ok;
    }

    public async Task<DeskResult> TransferAsync(long id, AgentIdentity agent, string queue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var target = Queues.FirstOrDefault(q => string.Equals(q, queue?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (target is null)
        {
            return new DeskResult(DeskOutcome.Invalid, $"There is no queue '{queue}'; the queues are: {string.Join(", ", Queues)}.");
        }

        // Only a ticket the agent may act on moves (into any queue: handing it to another team is the point, and the
        // agent then loses it); the queued ticket's current queue is checked again by the UPDATE that moves it.
        var ticket = await _store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        bool moved;
        switch (ticket)
        {
            case null:
                return NotFound(id);
            case { Queue: var from } when !agent.MayActOn(from):
                return NotFound(id);
            case { Status: HandoffTicketStatus.Queued }:
                moved = await _changes.MoveQueuedAsync(id, target, agent.Scope, cancellationToken).ConfigureAwait(false);
                break;
            case { Status: HandoffTicketStatus.Assigned } when ticket.AgentId == agent.Id:
                moved = await _changes.RequeueAsync(id, agent.Id, target, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                break;
            case { Status: HandoffTicketStatus.Assigned }:
                return new DeskResult(DeskOutcome.Forbidden, $"{ticket.AgentId} has this conversation; only they can transfer it.");
            default:
                return new DeskResult(DeskOutcome.Conflict, "This conversation is closed.");
        }

        if (!moved)
        {
            return new DeskResult(DeskOutcome.Conflict, "The conversation changed meanwhile; reload and try again.");
        }

        await _changes.AddNoteAsync(id, agent.Id, $"Transferred to the {target} queue.", queues: null, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await PublishTicketAsync(id, cancellationToken).ConfigureAwait(false);
        return DeskResult.Ok;
    }

    public Task<DeskResult> ResolveAsync(long id, AgentIdentity agent, CancellationToken cancellationToken) =>
        CloseAsync(id, agent, HandoffTicketStatus.Resolved, cancellationToken);

    public Task<DeskResult> ReturnToBotAsync(long id, AgentIdentity agent, CancellationToken cancellationToken) =>
        CloseAsync(id, agent, HandoffTicketStatus.ReturnedToBot, cancellationToken);

    public DeskSubscription Subscribe() => _events.Subscribe();

    /// <summary>Re-queues a ticket whose agent left the customer waiting (called by the desk's timer).</summary>
    internal async Task<bool> RequeueIdleAsync(HandoffTicket ticket, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (ticket.AgentId is not { } agent || !await _changes.RequeueAsync(ticket.Id, agent, ticket.Queue, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var minutes = timeout.TotalMinutes.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        await _changes.AddNoteAsync(ticket.Id, SystemAuthor, $"Re-queued: {agent} did not answer the customer within {minutes} minutes.", queues: null, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        LogRequeued(_logger, ticket.Id, agent);
        await PublishTicketAsync(ticket.Id, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Asks for the rating of a ticket returned to the bot (called by the desk's timer once the journey is quiet).</summary>
    internal async Task<bool> AskCsatAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        var reach = await _packets.CurrentReachAsync(ticket.CustomerId, cancellationToken).ConfigureAwait(false);
        if (reach is not { } target || !target.Reach.CanSend)
        {
            return false;
        }

        var conversation = target.Conversation;
        var question = _messages.RatingQuestion(conversation, target.Reach.Profile);
        if (question.Count != 1)
        {
            return false;
        }

        var queued = await _csat.AskCsatAsync(ticket.Id, conversation.Id, question[0], _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (queued is null)
        {
            return false;
        }

        _outbox.Notify();
        return true;
    }

    private async Task<DeskResult> CloseAsync(long id, AgentIdentity agent, HandoffTicketStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var (ticket, problem) = await OwnedAsync(id, agent, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var reach = await _packets.CurrentReachAsync(ticket!.CustomerId, cancellationToken).ConfigureAwait(false);
        var conversationId = reach?.Conversation.Id ?? ticket.ConversationId;
        var messages = new List<BotMessage>();
        var asksForCsat = false;
        if (reach is { } target && target.Reach.CanSend)
        {
            var (conversation, profile) = (target.Conversation, target.Reach.Profile);
            if (status == HandoffTicketStatus.Resolved)
            {
                messages.AddRange(_messages.Notice(conversation, profile, _texts.Resolved));
                messages.AddRange(_messages.RatingQuestion(conversation, profile));
                asksForCsat = true;
            }
            else
            {
                messages.AddRange(_messages.Notice(conversation, profile, _texts.BackToBot));
            }
        }

        var closing = new HandoffClosing(agent.Id, status, messages) { AsksForCsat = asksForCsat };
        var queued = await _changes.CloseAsync(id, closing, conversationId, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (queued is null)
        {
            return new DeskResult(DeskOutcome.Conflict, "This conversation is no longer yours (it was re-queued or closed).");
        }

        if (queued.Count > 0)
        {
            _outbox.Notify();
        }

        LogClosed(_logger, id, agent.Id, status);
        await PublishTicketAsync(id, cancellationToken).ConfigureAwait(false);
        foreach (var entry in queued)
        {
            _events.Publish(new DeskEvent(DeskEventKind.Message, id) { Queue = ticket.Queue, Message = AgentMessage(entry.Message, reach!.Value.Conversation, entry.CreatedAt) });
        }

        return DeskResult.Ok;
    }

    private async Task<(HandoffTicket? Ticket, DeskResult? Problem)> OwnedAsync(long id, AgentIdentity agent, CancellationToken cancellationToken)
    {
        var ticket = await _store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return ticket switch
        {
            null => (null, NotFound(id)),
            { Queue: var queue } when !agent.MayActOn(queue) => (null, NotFound(id)),
            { Status: HandoffTicketStatus.Queued } => (ticket, new DeskResult(DeskOutcome.Conflict, "Claim this conversation first.")),
            { Status: HandoffTicketStatus.Assigned } when ticket.AgentId != agent.Id =>
                (ticket, new DeskResult(DeskOutcome.Forbidden, $"{ticket.AgentId} has this conversation.")),
            { Status: HandoffTicketStatus.Assigned } => (ticket, null),
            _ => (ticket, new DeskResult(DeskOutcome.Conflict, "This conversation is closed.")),
        };
    }

    private async Task PublishTicketAsync(long id, CancellationToken cancellationToken)
    {
        if (await _store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } ticket)
        {
            _events.Publish(new DeskEvent(DeskEventKind.Ticket, id) { Queue = ticket.Queue, Ticket = await _summaries.SummarizeAsync(ticket, cancellationToken).ConfigureAwait(false) });
        }
    }

    private static PacketMessage AgentMessage(BotMessage message, ConversationRecord conversation, DateTimeOffset at) =>
        PacketTranscript.ToMessage(new TranscriptEntry(0, conversation.Id, conversation.CustomerId, conversation.Channel, MessageDirection.Outbound, message, at));

    /// <summary>An agent message as agents see it: by the sign-in id of the agent whose customer-facing handle sent it.</summary>
    private PacketMessage ForAgents(PacketMessage message) =>
        _handles.AccountFor(message.AgentId) is { } agentId ? message with { AgentId = agentId } : message;

    private static DeskResult? Validate(string? text) => string.IsNullOrWhiteSpace(text)
        ? new DeskResult(DeskOutcome.Invalid, "Write something first: the text is empty.")
        : text.Length > MaxTextLength
            ? new DeskResult(DeskOutcome.Invalid, $"The text is {text.Length} characters; the limit is {MaxTextLength}.")
            : null;

    private static DeskResult NotFound(long id) => new(DeskOutcome.NotFound, $"There is no handoff {id}.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent {Agent} claimed handoff {Id}.")]
    private static partial void LogClaimed(ILogger logger, long id, string agent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent {Agent} closed handoff {Id} ({Status}).")]
    private static partial void LogClosed(ILogger logger, long id, string agent, HandoffTicketStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handoff {Id} went back to its queue: agent {Agent} did not answer in time.")]
    private static partial void LogRequeued(ILogger logger, long id, string agent);
}
