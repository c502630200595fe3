using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// Conversations and the customers they belong to, inside a caller's read or write: the inbox resolves an inbound
/// message's conversation here, and a proactive message its recipient's, so both join the same customer the same way
/// (a conversation is one per channel, account and chat; a new one belongs to the customer any identity claim already
/// links to, else to a new customer; the claims are linked with their provenance).
/// </summary>
internal static class SqliteConversations
{
    /// <summary>The columns <see cref="Read"/> reads, in its order; append a WHERE clause.</summary>
    public const string Select =
        "SELECT id, channel, account, external_id, customer_id, owner, owner_epoch, offered_choices, locale FROM conversations";

    private const string SelectById = Select + " WHERE id = @p1";
    private const string SelectByAddress = Select + " WHERE channel = @p1 AND account = @p2 AND external_id = @p3";


    private const string FindConversation =
        "SELECT id, customer_id FROM conversations WHERE channel = @p1 AND account = @p2 AND external_id = @p3";

    private const string InsertConversation =
        "INSERT INTO conversations (id, channel, account, external_id, customer_id, locale, created_at, last_activity_at) VALUES (@p1, @p2, @p3, @p4, @p5, @p6, @p7, @p7)";

    private const string UpdateConversationLocale = "UPDATE conversations SET locale = @p2 WHERE id = @p1 AND locale IS NOT @p2";

    /// <summary>The conversation with <paramref name="id"/>; null when there is none.</summary>
    public static ConversationRecord? ById(StatementCache db, string id)
    {
        using var reader = db.Query(SelectById, id);
        return reader.Read() ? Read(reader) : null;
    }

    /// <summary>The conversation of one chat; null when nobody wrote or was written to there.</summary>
    public static ConversationRecord? ByAddress(StatementCache db, ChannelId channel, ConversationAddress address)
    {
        using var reader = db.Query(SelectByAddress, channel.Value, address.Account, address.Id);
        return reader.Read() ? Read(reader) : null;
    }

    /// <summary>A row of <see cref="Select"/>.</summary>
    public static ConversationRecord Read(Microsoft.Data.Sqlite.SqliteDataReader reader) => new(
        reader.GetString(0),
        new ChannelId(reader.GetString(1)),
        new ConversationAddress(reader.GetString(2), reader.GetString(3)),
        reader.GetString(4),
        SqliteTurnStore.OwnerFrom(reader.GetString(5)),
        reader.GetInt64(6),
        StoredJson.DeserializeChoices(reader.IsDBNull(7) ? null : reader.GetString(7)),
        reader.IsDBNull(8) ? null : reader.GetString(8));

    /// <summary>
    /// The conversation of the chat and its customer: an existing one (a given <paramref name="locale"/> replaces the
    /// stored one), else a new one for the customer any of <paramref name="claims"/> links to (in claim order), else for a
    /// new customer. Every claim is linked to that customer with its provenance (<see cref="SqliteIdentityGraph.Link"/>):
    /// a key another customer holds merges the two, and the customer returned is the one that stays.
    /// </summary>
    public static (string ConversationId, string CustomerId) FindOrCreate(
        StatementCache db,
        ChannelId channel,
        ConversationAddress address,
        string? locale,
        IReadOnlyList<IdentityClaim> claims,
        long now,
        IReadOnlyList<ISqliteCustomerMerge> merges)
    {
        string? conversationId = null;
        string? customerId = null;
        using (var reader = db.Query(FindConversation, channel.Value, address.Account, address.Id))
        {
            if (reader.Read())
            {
                conversationId = reader.GetString(0);
                customerId = reader.GetString(1);
            }
        }

        if (conversationId is null || customerId is null)
        {
            customerId = LinkAll(db, ExistingHolder(db, claims) ?? SqliteIdentityGraph.NewCustomer(db, now), claims, now, merges);
            conversationId = NewId("cnv");
            db.Execute(InsertConversation, conversationId, channel.Value, address.Account, address.Id, customerId, locale, now);
            return (conversationId, customerId);
        }

        customerId = LinkAll(db, customerId, claims, now, merges);
        if (locale is not null)
        {
            db.Execute(UpdateConversationLocale, conversationId, locale);
        }

        return (conversationId, customerId);
    }

    /// <summary>The customer the first claim already linked belongs to; null when none is linked.</summary>
    private static string? ExistingHolder(StatementCache db, IReadOnlyList<IdentityClaim> claims)
    {
        foreach (var claim in claims)
        {
            if (SqliteIdentityGraph.Holder(db, claim.Key) is { } holder)
            {
                return holder;
            }
        }

        return null;
    }

    /// <summary>Links every claim to the customer (merging with other holders); returns the customer that holds them all.</summary>
    private static string LinkAll(StatementCache db, string customerId, IReadOnlyList<IdentityClaim> claims, long now, IReadOnlyList<ISqliteCustomerMerge> merges)
    {
        foreach (var claim in claims)
        {
            customerId = SqliteIdentityGraph.Link(db, customerId, claim, now, merges).CustomerId;
        }

        return customerId;
    }

    internal static string NewId(string prefix) => prefix + "_" + Guid.CreateVersion7().ToString("N");
}
