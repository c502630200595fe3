using System.Collections.Concurrent;
using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.CrashTestHost;

/// <summary>Reaches the crash points that lie between the runtime's own steps.</summary>
public sealed class CrashObserver : ITurnObserver
{
    private static readonly ConcurrentDictionary<long, string> ProviderIds = new();

    private readonly CrashSwitch _crash;

    public CrashObserver(CrashSwitch crash)
    {
        _crash = crash;
    }

    public static string ProviderIdOfReply(string replyId)
    {
        var parts = replyId.Split('-');
        return parts.Length == 3 && long.TryParse(parts[1], out var sequence) && ProviderIds.TryGetValue(sequence, out var id) ? id : string.Empty;
    }

    public ValueTask TurnStartingAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        ProviderIds[entry.Sequence] = entry.Message.Id;
        _crash.Reach(CrashSwitch.AfterInboxWrite, entry.Message.Id);
        return ValueTask.CompletedTask;
    }

    public ValueTask TurnCommittedAsync(TurnOutcome outcome, CancellationToken cancellationToken)
    {
        if (ProviderIds.TryGetValue(outcome.Sequence, out var id))
        {
            _crash.Reach(CrashSwitch.AfterStateWrite, id);
        }

        return ValueTask.CompletedTask;
    }
}
