namespace Omnichannel.Bots.Adapters.Messenger;

/// <summary>
/// One customer attachment to keep: the store's file id for it, the customer (PSID) whose conversation it counts
/// against, and the CDN URL Meta sent in the webhook, the only address ever fetched for it.
/// </summary>
internal sealed record MessengerMedia(string FileId, string Psid, Uri CdnUrl);
