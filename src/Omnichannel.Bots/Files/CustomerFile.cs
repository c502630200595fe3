namespace Omnichannel.Bots.Files;

/// <summary>A file a customer sent, as saved: where its bytes are, what it is, whose it is and when it was saved.</summary>
public sealed record CustomerFile(string Id, string Path, string ContentType, string? Name, string? ConversationId, DateTimeOffset SavedAt, long Bytes)
{
    /// <summary>Opens the saved bytes for reading.</summary>
    public Stream OpenRead() => new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
}
