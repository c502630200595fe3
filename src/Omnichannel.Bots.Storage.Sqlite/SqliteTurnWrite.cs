namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>What a turn commit wrote, for the <see cref="ISqliteTurnParticipant"/>s that add their rows to it.</summary>
/// <param name="Commit">The turn's commit, with the features' <see cref="TurnCommit.Records"/>.</param>
/// <param name="Outbox">The outbox rows queued for the replies (empty when <paramref name="RepliesDropped"/>).</param>
/// <param name="RepliesDropped">The conversation changed owner after the turn read it: its replies were not queued.</param>
/// <param name="At">The commit's time, as stored (Unix milliseconds).</param>
public sealed record SqliteTurnWrite(TurnCommit Commit, IReadOnlyList<OutboxEntry> Outbox, bool RepliesDropped, long At)
{
    /// <summary>The rows of <see cref="Outbox"/> a participant delivered within the commit.</summary>
    internal HashSet<long>? DeliveredIds { get; private set; }

    /// <summary>
    /// A participant delivered this reply inside the turn's transaction (a pull channel's log, read by its clients) and
    /// marked its outbox row sent there: the outbox dispatcher does not send it.
    /// </summary>
    /// <param name="entry">One of <see cref="Outbox"/>.</param>
    public void Delivered(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        (DeliveredIds ??= []).Add(entry.Id);
    }
}
