using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Storage.Sqlite;

/// <summary>
/// Link codes on SQLite (<see cref="SqliteLinkCodeSchema"/>). Issuing and claiming are each one write on the single
/// writer, so the issue limit, the throttles and single use are decided atomically: a throttled sender's code is not
/// even looked up, and of two senders racing for one code only the first has it.
/// </summary>
public sealed class SqliteLinkCodeStore : ILinkCodeStore
{
    private const string CountIssued = "SELECT COUNT(*) FROM identity_link_codes WHERE customer_id = @p1 AND issued_at > @p2";

    private const string RetireEarlier =
        "UPDATE identity_link_codes SET expires_at = @p3 WHERE customer_id = @p1 AND target = @p2 AND used_at IS NULL AND expires_at > @p3";

    private const string Insert =
        "INSERT INTO identity_link_codes (code_hash, customer_id, issued_on, target, issued_at, expires_at) VALUES (@p1, @p2, @p3, @p4, @p5, @p6)";

    /// <summary>Codes no window looks at any more: expired, and issued before the issue limit's window.</summary>
    private const string PruneCodes = "DELETE FROM identity_link_codes WHERE expires_at < @p1 AND issued_at < @p1";

    private const string CountSenderFailures = "SELECT COUNT(*), MIN(at) FROM identity_link_failures WHERE sender_key = @p1 AND at > @p2";

    private const string CountAllFailures = "SELECT COUNT(*), MIN(at) FROM identity_link_failures WHERE at > @p1";

    private const string Find = "SELECT customer_id, issued_on, expires_at, used_at, used_by FROM identity_link_codes WHERE code_hash = @p1";

    private const string Use = "UPDATE identity_link_codes SET used_at = @p2, used_by = @p3 WHERE code_hash = @p1 AND used_at IS NULL";

    private const string Release = "UPDATE identity_link_codes SET used_at = NULL, used_by = NULL WHERE code_hash = @p1";

    private const string RecordFailure = "INSERT INTO identity_link_failures (sender_key, at) VALUES (@p1, @p2)";

    private const string PruneFailures = "DELETE FROM identity_link_failures WHERE at < @p1";

    private readonly SqliteDatabase _database;

    public SqliteLinkCodeStore(SqliteDatabase database)
    {
        _database = database;
    }

    public Task<bool> TryIssueAsync(LinkCodeGrant grant, RateLimit limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(limit);
        var now = UnixTime.Of(grant.IssuedAt);
        var windowStart = UnixTime.Of(grant.IssuedAt - limit.Window);
        return _database.WriteAsync(
            db =>
            {
                db.Execute(PruneCodes, windowStart);
                if (db.Scalar<long>(CountIssued, grant.CustomerId, windowStart) >= limit.PermitLimit)
                {
                    return false;
                }

                db.Execute(RetireEarlier, grant.CustomerId, grant.Target.Value, now);
                db.Execute(Insert, grant.CodeHash, grant.CustomerId, grant.IssuedOn.Value, grant.Target.Value, now, UnixTime.Of(grant.ExpiresAt));
                return true;
            },
            cancellationToken);
    }

    public Task<LinkCodeClaim> ClaimAsync(LinkCodeAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return _database.WriteAsync(db => Claim(db, attempt), cancellationToken);
    }

    public Task ReleaseAsync(string codeHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codeHash);
        return _database.WriteAsync(db => db.Execute(Release, codeHash), cancellationToken);
    }

    private static LinkCodeClaim Claim(StatementCache db, LinkCodeAttempt attempt)
    {
        var now = UnixTime.Of(attempt.At);
        db.Execute(PruneFailures, UnixTime.Of(attempt.At - Max(attempt.PerSender.Window, attempt.Overall.Window)));
        if (Throttled(db, CountSenderFailures, attempt.PerSender, attempt.At, attempt.SenderKey) is { } senderRetry)
        {
            return new LinkCodeClaim(LinkCodeClaimStatus.Throttled, RetryAfter: senderRetry);
        }

        if (Throttled(db, CountAllFailures, attempt.Overall, attempt.At) is { } overallRetry)
        {
            return new LinkCodeClaim(LinkCodeClaimStatus.Throttled, RetryAfter: overallRetry);
        }

        string customerId;
        ChannelId issuedOn;
        long expiresAt;
        long? usedAt;
        string? usedBy;
        using (var reader = db.Query(Find, attempt.CodeHash))
        {
            if (!reader.Read())
            {
                return Wrong(db, attempt, now, new LinkCodeClaim(LinkCodeClaimStatus.Unknown));
            }

            customerId = reader.GetString(0);
            issuedOn = new ChannelId(reader.GetString(1));
            expiresAt = reader.GetInt64(2);
            usedAt = reader.IsDBNull(3) ? null : reader.GetInt64(3);
            usedBy = reader.IsDBNull(4) ? null : reader.GetString(4);
        }

        if (usedAt is not null)
        {
            return usedBy == attempt.SenderKey
                ? new LinkCodeClaim(LinkCodeClaimStatus.ClaimedBefore, customerId, issuedOn)
                : Wrong(db, attempt, now, new LinkCodeClaim(LinkCodeClaimStatus.Used, IssuedOn: issuedOn));
        }

        if (expiresAt <= now)
        {
            return Wrong(db, attempt, now, new LinkCodeClaim(LinkCodeClaimStatus.Expired, IssuedOn: issuedOn));
        }

        if (issuedOn == attempt.Channel)
        {
            return new LinkCodeClaim(LinkCodeClaimStatus.SameChannel, IssuedOn: issuedOn);
        }

        db.Execute(Use, attempt.CodeHash, now, attempt.SenderKey);
        return new LinkCodeClaim(LinkCodeClaimStatus.Claimed, customerId, issuedOn);
    }

    /// <summary>When the limit is reached: the time the oldest counted failure leaves the window; else null.</summary>
    private static DateTimeOffset? Throttled(StatementCache db, string count, RateLimit limit, DateTimeOffset at, params object?[] scope)
    {
        using var reader = db.Query(count, [.. scope, UnixTime.Of(at - limit.Window)]);
        reader.Read();
        return reader.GetInt64(0) >= limit.PermitLimit ? UnixTime.From(reader.GetInt64(1)) + limit.Window : null;
    }

    private static LinkCodeClaim Wrong(StatementCache db, LinkCodeAttempt attempt, long now, LinkCodeClaim claim)
    {
        db.Execute(RecordFailure, attempt.SenderKey, now);
        return claim;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
