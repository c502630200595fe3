using System.Collections.Concurrent;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>How <see cref="PoisonTurnStore"/> fails a poisoned message's turn.</summary>
public enum PoisonMode
{
    /// <summary>Reading the turn's snapshot throws.</summary>
    Load,

    /// <summary>Committing the turn throws (the minimal commit after repeated failures too).</summary>
    Commit,

    /// <summary>Every commit reports that another writer changed the dialog state (nothing is written).</summary>
    Conflict,
}

/// <summary>
/// The real SQLite turn store, failing every turn of messages whose text contains <c>boom</c> (at most
/// <see cref="Failures"/> times each) until <see cref="Heal"/> is called. Counts each message's attempts.
/// </summary>
public sealed class PoisonTurnStore(PoisonMode mode, int failures = int.MaxValue) : ITurnStore
{
    public const string Poison = "boom";

    private readonly ConcurrentDictionary<long, int> _attempts = new();
    private volatile bool _healed;

    /// <summary>The real store it wraps (set when the bot's services build it).</summary>
    public ITurnStore Inner { get; set; } = null!;

    /// <summary>Each message's turn attempts (loads), by inbox sequence.</summary>
    public int Attempts(long sequence) => _attempts.GetValueOrDefault(sequence);

    /// <summary>Commits of poisoned messages that carried no dialog state: the executor's minimal "recorded as failed" commit.</summary>
    public int MinimalCommits { get; private set; }

    public void Heal() => _healed = true;

    public Task<TurnSnapshot> LoadAsync(InboxEntry entry, string dialogId, CancellationToken cancellationToken)
    {
        var attempt = _attempts.AddOrUpdate(entry.Sequence, 1, (_, n) => n + 1);
        return mode == PoisonMode.Load && Fails(entry, attempt)
            ? throw new InvalidOperationException($"disk I/O error reading turn {entry.Sequence}")
            : Inner.LoadAsync(entry, dialogId, cancellationToken);
    }

    public Task<TurnCommitResult> CommitAsync(TurnCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (!Fails(commit.Inbound, _attempts.GetValueOrDefault(commit.Inbound.Sequence)))
        {
            return Inner.CommitAsync(commit, cancellationToken);
        }

        if (commit.DialogId is null)
        {
            MinimalCommits++;
        }

        return mode switch
        {
            PoisonMode.Commit => throw new InvalidOperationException($"disk I/O error committing turn {commit.Inbound.Sequence}"),
            PoisonMode.Conflict => Task.FromResult(new TurnCommitResult([], RepliesDropped: false, StateConflict: true)),
            _ => Inner.CommitAsync(commit, cancellationToken),
        };
    }

    private bool Fails(InboxEntry entry, int attempt) =>
        !_healed && attempt <= failures && (entry.Message.Text ?? string.Empty).Contains(Poison, StringComparison.Ordinal);
}
