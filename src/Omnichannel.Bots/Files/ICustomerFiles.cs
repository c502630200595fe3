namespace Omnichannel.Bots.Files;

/// <summary>
/// Files customers send on any channel (web chat uploads, WhatsApp media, ...), kept by the host under
/// <c>Storage:DataDirectory</c> whichever channel brought them, with one per-conversation quota
/// (<c>Limits:UploadFilesPerConversation</c>, <c>Limits:UploadBytesPerConversation</c>) and one retention sweep.
/// A file is reachable only through a link that carries <see cref="Sign"/>'s signature of its id, so the bot and agents
/// can open it but nobody can list or guess one.
/// </summary>
public interface ICustomerFiles
{
    /// <summary>A new random file id (32 lowercase hex digits).</summary>
    string NewId();

    /// <summary>
    /// The file id for a provider's own key (<c>whatsapp:MEDIA_ID</c>): the same key always gives the same id, so a
    /// provider's media is downloaded and kept once however often its link is opened.
    /// </summary>
    string IdFor(string providerKey);

    /// <summary>The signature a link to <paramref name="id"/> carries.</summary>
    string Sign(string id);

    /// <summary>
    /// Saves <paramref name="content"/> as file <paramref name="id"/> of <paramref name="conversationId"/>, counted
    /// against that conversation's quota; refused with the reason (nothing written, nothing counted) when over it or
    /// when the content is longer than <paramref name="maxBytes"/>. On any failure nothing of the file is left. A file
    /// already saved under <paramref name="id"/> (or being saved by a concurrent call) is returned as it is, once.
    /// </summary>
    Task<CustomerFileSave> SaveAsync(string id, string conversationId, Stream content, string contentType, string? name, long maxBytes, CancellationToken cancellationToken);

    /// <summary>The saved file <paramref name="id"/> when <paramref name="signature"/> is its signature and it exists; null otherwise.</summary>
    CustomerFile? Find(string id, string? signature);

    /// <summary>The saved file <paramref name="id"/>, for code that made the id itself (no signature); null when there is none.</summary>
    CustomerFile? Find(string id);

    /// <summary>
    /// Deletes file <paramref name="id"/> and gives its share of the conversation's quota back: for a save whose message
    /// was refused after all. False when there was no such file.
    /// </summary>
    bool Delete(string id);

    /// <summary>
    /// Every saved file counted against one of <paramref name="owners"/> (the conversation or quota keys files were
    /// saved under: a web chat conversation's id, <c>whatsapp:WA_ID</c>, ...): what a customer's export lists and their
    /// erasure deletes.
    /// </summary>
    IReadOnlyList<CustomerFile> FilesOf(IReadOnlySet<string> owners);
}
