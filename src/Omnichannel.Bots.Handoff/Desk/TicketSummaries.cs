namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>A ticket as queues list it: who the customer is, the channel they wrote on last and their last message.</summary>
public sealed class TicketSummaries
{
    private readonly ITranscriptStore _transcripts;

    public TicketSummaries(ITranscriptStore transcripts)
    {
        _transcripts = transcripts;
    }

    public async Task<TicketSummary> SummarizeAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return Summarize(ticket, await _transcripts.GetByCustomerAsync(ticket.CustomerId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The summary from the customer's transcript already read.</summary>
    public static TicketSummary Summarize(HandoffTicket ticket, IReadOnlyList<TranscriptEntry> transcript)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(transcript);
        var journey = Journey.From(transcript);
        var lastCustomer = journey.CustomerTexts().LastOrDefault() ?? transcript.LastOrDefault(e => e.Direction == MessageDirection.Inbound);
        return new TicketSummary
        {
            Id = ticket.Id,
            Queue = ticket.Queue,
            Priority = ticket.Priority,
            Status = ticket.Status,
            AgentId = ticket.AgentId,
            Customer = journey.CustomerName() ?? lastCustomer?.Message.Sender?.Id ?? ticket.CustomerId,
            Channel = (lastCustomer?.Channel ?? ticket.Channel).Value,
            Reason = ticket.Reason,
            Rule = ticket.Rule,
            QueuedAt = ticket.QueuedAt,
            LastCustomerMessage = lastCustomer?.Message.Text,
            LastCustomerMessageAt = lastCustomer?.At,
        };
    }
}
