namespace Omnichannel.Bots.Storage;

/// <summary>Reads what a turn needs and writes what it produced, atomically.</summary>
public interface ITurnStore
{
    Task<TurnSnapshot> LoadAsync(InboxEntry entry, string dialogId, CancellationToken cancellationToken);

    Task<TurnCommitResult> CommitAsync(TurnCommit commit, CancellationToken cancellationToken);
}
