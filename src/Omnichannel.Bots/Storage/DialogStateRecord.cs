namespace Omnichannel.Bots.Storage;

/// <summary>
/// The serialized dialog stack of one customer's journey in one root dialog. <see cref="Version"/> counts the
/// writes, so a commit made from a stale read is refused.
/// </summary>
public sealed record DialogStateRecord(string Json, long Version);
