namespace Omnichannel.Bots.Adapters.WebChat;

/// <param name="Sequence">The entry's number; later entries of any log have larger numbers.</param>
/// <param name="Added">False when an entry with the same dedupe key was already there.</param>
/// <param name="Entry">The stored entry (the earlier one when <paramref name="Added"/> is false).</param>
internal sealed record ActivityLogAppend(long Sequence, bool Added, ActivityLogEntry Entry);
