namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// What the knowledge base serves now (for <c>/healthz</c>, logs and tests): the version number (each successful reload
/// adds one), counts, when it was loaded and how long the reload took, the calibrated threshold, and every problem an
/// editor should fix (file:line messages, files served from their last good version, a failed reload).
/// </summary>
public sealed record KnowledgeStatus
{
    public required long Version { get; init; }

    public required string Folder { get; init; }

    public int Articles { get; init; }

    public int Files { get; init; }

    public int Chunks { get; init; }

    public DateTimeOffset? LoadedAt { get; init; }

    public double? LastReloadMilliseconds { get; init; }

    /// <summary>Where the last successful reload spent its time.</summary>
    public KnowledgeReloadTimings? LastReloadTimings { get; init; }

    public double? Threshold { get; init; }

    /// <summary>Errors and warnings of the files as they are on disk now, as <c>file:line: error: message</c>.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>Files with errors whose last good version is still served.</summary>
    public IReadOnlyList<string> ServedFromLastGood { get; init; } = [];

    /// <summary>Why the last reload failed (the store or the embedding service), when it did; the previous version keeps serving.</summary>
    public string? ReloadError { get; init; }

    public bool HasErrors => ReloadError is not null || Problems.Any(p => p.Contains(": error: ", StringComparison.Ordinal));
}
