using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>
/// A ticket as queues list it: who the customer is (<see cref="AgentFacingCustomer"/>: name or verified identifier,
/// verified phone numbers and emails, channels used), the channel they wrote on last and their last message.
/// </summary>
public sealed class TicketSummaries
{
    private readonly ITranscriptStore _transcripts;
    private readonly ICustomerDirectory _directory;

    public TicketSummaries(ITranscriptStore transcripts, ICustomerDirectory directory)
    {
        _transcripts = transcripts;
        _directory = directory;
    }

    public async Task<TicketSummary> SummarizeAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var transcript = await _transcripts.GetByCustomerAsync(ticket.CustomerId, cancellationToken).ConfigureAwait(false);
        return Summarize(ticket, transcript, await _directory.GetAsync(ticket.CustomerId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The summary from the customer's transcript and profile already read.</summary>
    public static TicketSummary Summarize(HandoffTicket ticket, IReadOnlyList<TranscriptEntry> transcript, CustomerProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(transcript);
        var journey = Journey.From(transcript);
        var lastCustomer = journey.CustomerTexts().LastOrDefault() ?? transcript.LastOrDefault(e => e.Direction == MessageDirection.Inbound);
        var channel = lastCustomer?.Channel ?? ticket.Channel;
        return new TicketSummary
        {
            Id = ticket.Id,
            Queue = ticket.Queue,
            Priority = ticket.Priority,
            Status = ticket.Status,
            AgentId = ticket.AgentId,
            Customer = AgentFacingCustomer.DisplayName(profile, journey.CustomerName(), channel),
            VerifiedContacts = AgentFacingCustomer.VerifiedContacts(profile),
            Channels = AgentFacingCustomer.ChannelsUsed(profile),
            Channel = channel.Value,
            Reason = ticket.Reason,
            Rule = ticket.Rule,
            QueuedAt = ticket.QueuedAt,
            LastCustomerMessage = lastCustomer?.Message.Text,
            LastCustomerMessageAt = lastCustomer?.At,
        };
    }
}
