using Microsoft.Extensions.Logging;
using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// <see cref="ICustomerLinks"/> on SQLite: a link (with its provenance) and the merge it may cause commit in one
/// write, with every feature's <see cref="ISqliteCustomerMerge"/>; the merge rule is <see cref="SqliteIdentityGraph"/>'s
/// (the customer created first stays). An unlink is recorded in <c>customer_unlinks</c> with the agent: a channel key
/// (<c>telegram:12345</c>) takes the conversations that sender wrote in to a new customer of their own (dialog state,
/// tickets and journey facts stay with the customer they were written for); a phone or email key is just removed.
/// </summary>
public sealed partial class SqliteCustomerLinks : ICustomerLinks
{
    private const string SelectLink = "SELECT provenance, vouched_by FROM customer_identities WHERE identity_key = @p1 AND customer_id = @p2";
    private const string DeleteLink = "DELETE FROM customer_identities WHERE identity_key = @p1";
    private const string MoveLink = "UPDATE customer_identities SET customer_id = @p2 WHERE identity_key = @p1";

    private const string InsertUnlink =
        "INSERT INTO customer_unlinks (customer_id, identity_key, provenance, vouched_by, actor, moved_to_customer_id, unlinked_at) VALUES (@p1, @p2, @p3, @p4, @p5, @p6, @p7)";

    // The sender's conversations: their chat is the sender's own, or they wrote in it.
    private const string MoveSenderConversations =
        "UPDATE conversations SET customer_id = @p4 WHERE customer_id = @p1 AND channel = @p2 AND (external_id = @p3 OR EXISTS (" +
        "SELECT 1 FROM messages m WHERE m.conversation_id = conversations.id AND m.direction = 'in' AND json_extract(m.payload, '$.sender.id') = @p3))";

    private const string FollowInbox =
        "UPDATE inbox SET customer_id = @p2 WHERE customer_id = @p1 AND conversation_id IN (SELECT id FROM conversations WHERE customer_id = @p2)";

    private const string FollowMessages =
        "UPDATE messages SET customer_id = @p2 WHERE customer_id = @p1 AND conversation_id IN (SELECT id FROM conversations WHERE customer_id = @p2)";

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly ISqliteCustomerMerge[] _merges;
    private readonly ISqliteConversationsMoved[] _moved;
    private readonly ILogger<SqliteCustomerLinks> _logger;

    public SqliteCustomerLinks(
        SqliteDatabase database,
        TimeProvider time,
        IEnumerable<ISqliteCustomerMerge> merges,
        IEnumerable<ISqliteConversationsMoved> moved,
        ILogger<SqliteCustomerLinks> logger)
    {
        _database = database;
        _time = time;
        _merges = [.. merges];
        _moved = [.. moved];
        _logger = logger;
    }

    /// <inheritdoc/>
    /// <remarks>A customer merged away earlier stands for the one it was merged into; an unknown one throws <see cref="InvalidOperationException"/>.</remarks>
    public async Task<LinkResult> LinkAsync(string customerId, IdentityClaim claim, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentException.ThrowIfNullOrWhiteSpace(claim.Key, nameof(claim));
        var now = UnixTime.Of(_time.GetUtcNow());
        var result = await _database.WriteAsync(
            db =>
            {
                var current = SqliteIdentityGraph.Resolve(db, customerId)
                    ?? throw new InvalidOperationException($"There is no customer {customerId} to link {claim.Key} to.");
                return SqliteIdentityGraph.Link(db, current, claim, now, _merges);
            },
            cancellationToken).ConfigureAwait(false);
        if (result.Merge is { } merge)
        {
            LogMerged(_logger, merge.FromCustomerId, merge.IntoCustomerId, merge.Reason);
        }

        return result;
    }

    public async Task<bool> UnlinkAsync(string customerId, string key, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var now = UnixTime.Of(_time.GetUtcNow());
        var movedTo = await _database.WriteAsync(db => Unlink(db, customerId, key, actor, now, _moved), cancellationToken).ConfigureAwait(false);
        if (movedTo is null)
        {
            return false;
        }

        LogUnlinked(_logger, key, customerId, actor, movedTo.Length == 0 ? "(removed)" : movedTo);
        return true;
    }

    /// <summary>Null when the key is not the customer's; else the new customer it moved to, or empty when it was removed.</summary>
    private static string? Unlink(StatementCache db, string customerId, string key, string actor, long now, ISqliteConversationsMoved[] moved)
    {
        string? provenance;
        string? vouchedBy;
        using (var reader = db.Query(SelectLink, key, customerId))
        {
            if (!reader.Read())
            {
                return null;
            }

            provenance = reader.IsDBNull(0) ? null : reader.GetString(0);
            vouchedBy = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        string? movedTo = null;
        var separator = key.IndexOf(':', StringComparison.Ordinal);
        if (IsChannelKey(key) && separator > 0)
        {
            movedTo = SqliteIdentityGraph.NewCustomer(db, now);
            db.Execute(MoveLink, key, movedTo);
            db.Execute(MoveSenderConversations, customerId, key[..separator], key[(separator + 1)..], movedTo);
            db.Execute(FollowInbox, customerId, movedTo);
            db.Execute(FollowMessages, customerId, movedTo);
            foreach (var feature in moved)
            {
                feature.Follow(db, customerId, movedTo);
            }
        }
        else
        {
            db.Execute(DeleteLink, key);
        }

        db.Execute(InsertUnlink, customerId, key, provenance, vouchedBy, actor, movedTo, now);
        return movedTo ?? string.Empty;
    }

    /// <summary>A channel's own key of a sender (<c>telegram:12345</c>), not a phone or email key.</summary>
    internal static bool IsChannelKey(string key) =>
        !key.StartsWith("phone:", StringComparison.Ordinal) && !key.StartsWith("email:", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Merged customer {From} into {Into}: {Reason}.")]
    private static partial void LogMerged(ILogger logger, string from, string into, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unlinked {Key} from customer {CustomerId} on {Actor}'s word; moved to {MovedTo}.")]
    private static partial void LogUnlinked(ILogger logger, string key, string customerId, string actor, string movedTo);
}
