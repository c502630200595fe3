namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// Web chat's append-only logs of what Direct Line clients read back: one log per conversation, each entry with a
/// sequence number that only grows. Clients page by the last sequence they saw. The bot's replies are appended inside
/// the turn commit (<see cref="SqliteWebChatTurnParticipant"/>); the customer's echo and agents' messages through
/// <see cref="AppendAsync"/>.
/// </summary>
internal interface IActivityLogStore
{
    /// <summary>Creates the log of a conversation for its owner (the user it belongs to); false if it already exists.</summary>
    Task<bool> CreateAsync(string logId, string ownerId, CancellationToken cancellationToken);

    /// <summary>The log's owner, or null when there is no such log.</summary>
    Task<string?> FindOwnerAsync(string logId, CancellationToken cancellationToken);

    /// <summary>When the log (its conversation) was created, or null when there is no such log.</summary>
    Task<DateTimeOffset?> FindCreatedAtAsync(string logId, CancellationToken cancellationToken);

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
