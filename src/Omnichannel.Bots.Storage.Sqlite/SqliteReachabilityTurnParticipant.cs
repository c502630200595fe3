namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// Records an opt-out or opt-in in the transaction of the turn that stores the customer's keyword message (the whole
/// message is one of the channel profile's <see cref="ChannelProfile.OptOutKeywords"/> or
/// <see cref="ChannelProfile.OptInKeywords"/>), so it is never lost and never read back from the transcript. A
/// conditional opt-in (<see cref="ChannelProfile.OptInWhenOptedOutKeywords"/>, SMS YES) takes the same statement, which
/// changes nothing when the number is not opted out. Any other message writes nothing (a profile without keywords
/// costs a few empty-list checks a turn).
/// </summary>
internal sealed class SqliteReachabilityTurnParticipant : ISqliteTurnParticipant
{
    /// <summary>A repeated opt-out keeps the first one's time.</summary>
    private const string OptOut = SqliteReachabilityStore.MarkOptedOut;

    private const string OptIn = "UPDATE conversation_reach SET opted_out_at = NULL WHERE conversation_id = @p1";

    private readonly ChannelRegistry _channels;

    public SqliteReachabilityTurnParticipant(ChannelRegistry channels)
    {
        _channels = channels;
    }

    public void Write(StatementCache db, SqliteTurnWrite turn)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(turn);
        var inbound = turn.Commit.Inbound;
        if (!_channels.TryGetProfile(inbound.Message.Channel, out var profile))
        {
            return;
        }

        if (profile.IsOptOut(inbound.Message.Text))
        {
            db.Execute(OptOut, inbound.ConversationId, turn.At);
        }
        else if (profile.IsOptIn(inbound.Message.Text))
        {
            db.Execute(OptIn, inbound.ConversationId);
        }
    }
}
