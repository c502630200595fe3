namespace Omnichannel.Bots.Storage;

/// <summary>
/// Append-only logs of what a pull-style channel's client reads back (web chat's Direct Line): one log per
/// conversation, each entry with a sequence number that only grows. Clients page by the last sequence they saw.
/// </summary>
public interface IActivityLogStore
{
    /// <summary>Creates the log of a conversation for its owner (the user it belongs to); false if it already exists.</summary>
    Task<bool> CreateAsync(string logId, string ownerId, CancellationToken cancellationToken);

    /// <summary>The log's owner, or null when there is no such log.</summary>
    Task<string?> FindOwnerAsync(string logId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends an entry unless one with the same <paramref name="dedupeKey"/> is already in the log; either way returns
    /// the stored entry's sequence number and whether this call added it. The entry is durable when the task completes.
    /// </summary>
    Task<ActivityLogAppend> AppendAsync(string logId, string dedupeKey, string payload, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> entries after sequence <paramref name="after"/>, oldest first.</summary>
    Task<IReadOnlyList<ActivityLogEntry>> ReadAsync(string logId, long after, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the hash of the secret that lets its client resume the log's conversation (the secret itself is never
    /// stored); false when there is no such log.
    /// </summary>
    Task<bool> SetResumeSecretHashAsync(string logId, string secretHash, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the resume secret's hash with <paramref name="newHash"/> only if it is <paramref name="presentedHash"/>,
    /// atomically (of two resumes with the same secret one wins); false when it is not (a wrong or already rotated secret).
    /// </summary>
    Task<bool> RotateResumeSecretHashAsync(string logId, string presentedHash, string newHash, CancellationToken cancellationToken);
}

/// <param name="Sequence">The entry's number; later entries of any log have larger numbers.</param>
/// <param name="Added">False when an entry with the same dedupe key was already there.</param>
/// <param name="Entry">The stored entry (the earlier one when <paramref name="Added"/> is false).</param>
public sealed record ActivityLogAppend(long Sequence, bool Added, ActivityLogEntry Entry);

public sealed record ActivityLogEntry(long Sequence, string DedupeKey, string Payload, DateTimeOffset CreatedAt);
