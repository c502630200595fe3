using System.Collections.Concurrent;

namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>
/// Feeds the desk's live updates from turns: a new handoff appears in its queue, and a customer's messages while a
/// person has their conversation (and what the bot said, such as "your message was passed on") reach the agent as
/// they are committed. Wakes the webhook sender for a new handoff.
/// </summary>
public sealed class HandoffTurnObserver : ITurnObserver
{
    private readonly ConcurrentDictionary<long, InboxEntry> _running = new();
    private readonly IHandoffTicketStore _store;
    private readonly TicketSummaries _summaries;
    private readonly DeskEvents _events;
    private readonly HandoffWebhookSender _webhook;

    public HandoffTurnObserver(IHandoffTicketStore store, TicketSummaries summaries, DeskEvents events, HandoffWebhookSender webhook)
    {
        _store = store;
        _summaries = summaries;
        _events = events;
        _webhook = webhook;
    }

    public ValueTask TurnStartingAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _running[entry.Sequence] = entry;
        return ValueTask.CompletedTask;
    }

    public async ValueTask TurnCommittedAsync(TurnOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.IsDuplicate || !_running.TryRemove(outcome.Sequence, out var entry))
        {
            return;
        }

        var ticket = await _store.FindLatestForCustomerAsync(entry.CustomerId, cancellationToken).ConfigureAwait(false);
        if (ticket is not { Status: HandoffTicketStatus.Queued or HandoffTicketStatus.Assigned })
        {
            return;
        }

        if (outcome.Handoff is not null && ticket.InboxSequence == entry.Sequence)
        {
            _webhook.Notify();
        }

        _events.Publish(new DeskEvent(DeskEventKind.Message, ticket.Id) { Queue = ticket.Queue, Message = Message(entry, entry.Message, MessageDirection.Inbound, entry.ReceivedAt) });
        if (!outcome.RepliesDropped)
        {
            foreach (var reply in outcome.Replies)
            {
                _events.Publish(new DeskEvent(DeskEventKind.Message, ticket.Id) { Queue = ticket.Queue, Message = Message(entry, reply, MessageDirection.Outbound, reply.Timestamp) });
            }
        }

        _events.Publish(new DeskEvent(DeskEventKind.Ticket, ticket.Id) { Queue = ticket.Queue, Ticket = await _summaries.SummarizeAsync(ticket, cancellationToken).ConfigureAwait(false) });
    }

    private static PacketMessage Message(InboxEntry entry, BotMessage message, MessageDirection direction, DateTimeOffset at) =>
        PacketTranscript.ToMessage(new TranscriptEntry(0, entry.ConversationId, entry.CustomerId, message.Channel, direction, message, at));
}
