namespace Omnichannel.Bots.Storage;

/// <summary>
/// What appending an inbound message did: stored it (<see cref="Entry"/>), or found it already there because the
/// provider delivered it before (<see cref="IsDuplicate"/>; nothing was written).
/// </summary>
public sealed record InboxAppendResult(InboxEntry? Entry)
{
    public bool IsDuplicate => Entry is null;
}
