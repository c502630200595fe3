namespace Omnichannel.Bots.Storage;

/// <summary>
/// What operators do with parked messages (inbound messages whose turn could not be stored after
/// <c>Bot:MaxTurnAttempts</c> attempts): see them, put them back for the host to run, or drop them.
/// </summary>
public interface IParkedMessageStore
{
    /// <summary>How many messages are parked and the oldest one (for <c>/healthz</c>).</summary>
    ParkedSummary Summarize();

    /// <summary>Every parked message, oldest first.</summary>
    Task<IReadOnlyList<ParkedMessage>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Puts a parked message back as pending; the running host (or the next one to start) runs it. False when no message with that id is parked.</summary>
    Task<bool> RetryAsync(long sequence, CancellationToken cancellationToken);

    /// <summary>Puts every parked message back as pending; returns how many.</summary>
    Task<int> RetryAllAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Drops a parked message: it never runs, leaves the parked list, and is deleted with the processed rows once past
    /// <c>Bot:InboxRetention</c> (until then a redelivery is still recognised as a duplicate). False when no message with that id is parked.
    /// </summary>
    Task<bool> DropAsync(long sequence, CancellationToken cancellationToken);
}
