using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots;

/// <summary>
/// The <c>inbox</c> part of <c>/healthz</c>: how many messages are parked (their turn could not be stored after
/// <c>Bot:MaxTurnAttempts</c> attempts) and the oldest one. Parked messages make the report degraded, so someone
/// looks (<c>omnibot inbox parked list</c>); the bot keeps serving every other message.
/// </summary>
internal sealed class InboxHealthContributor(IParkedMessageStore parked) : IBotHealthContributor
{
    public string Name => "inbox";

    public BotHealthReport Report()
    {
        var summary = parked.Summarize();
        return new BotHealthReport(summary.Count > 0, new
        {
            parked = summary.Count,
            oldestParkedId = summary.OldestSequence,
            oldestParkedAt = summary.OldestParkedAt,
        });
    }
}
