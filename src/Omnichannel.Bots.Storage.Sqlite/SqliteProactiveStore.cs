using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// <see cref="IProactiveStore"/> on SQLite: the conversation is found or created as the inbox does it
/// (<see cref="SqliteConversations"/>) and the messages are written as the desk's are (<see cref="SqliteOutbound"/>),
/// in one write.
/// </summary>
public sealed class SqliteProactiveStore : IProactiveStore
{
    private readonly SqliteDatabase _database;
    private readonly ISqliteCustomerMerge[] _merges;

    public SqliteProactiveStore(SqliteDatabase database, IEnumerable<ISqliteCustomerMerge>? merges = null)
    {
        _database = database;
        _merges = merges?.ToArray() ?? [];
    }

    public Task<ConversationRecord?> GetConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_database.Read(db => SqliteConversations.ById(db, conversationId)));
    }

    public Task<ConversationRecord?> FindConversationAsync(ChannelId channel, ConversationAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_database.Read(db => SqliteConversations.ByAddress(db, channel, address)));
    }

    public Task<ProactiveResult> QueueAsync(
        ChannelId channel,
        ConversationAddress address,
        IReadOnlyList<IdentityClaim> identityClaims,
        string? locale,
        IReadOnlyList<BotMessage> messages,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(identityClaims);
        var payloads = SqliteOutbound.Serialize(messages, nameof(messages));
        return _database.WriteAsync(
            db =>
            {
                var (conversationId, customerId) = SqliteConversations.FindOrCreate(db, channel, address, locale, identityClaims, UnixTime.Of(at), _merges);
                return ProactiveResult.Written(conversationId, customerId, SqliteOutbound.Queue(db, conversationId, customerId, messages, payloads, at));
            },
            cancellationToken);
    }
}
