namespace Omnichannel.Bots.Handoff;

/// <summary>The customer's 1-5 rating of a closed handoff: asking once, and recording the answer once.</summary>
public interface IHandoffCsatStore
{
    /// <summary>Queues the CSAT question for a ticket returned to the bot (asked when the journey has gone quiet). Null when already asked.</summary>
    Task<IReadOnlyList<OutboxEntry>?> AskCsatAsync(long id, string conversationId, BotMessage question, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records the customer's rating, once; false when the ticket was not waiting for one.</summary>
    Task<bool> RecordCsatAsync(long id, int score, DateTimeOffset at, CancellationToken cancellationToken);
}
