namespace Omnichannel.Bots.Handoff;

/// <summary>
/// Estimates a new handoff's wait: the conversations ahead of it in its queue (same or higher priority), shared among
/// the agents present for that queue, times the average handling time of the last day's closed handoffs (claim to
/// close; 6 minutes when there is no history yet). An agent with a free slot now means "under a minute".
/// </summary>
public static class WaitEstimator
{
    public static readonly TimeSpan DefaultHandlingTime = TimeSpan.FromMinutes(6);

    public static TimeSpan Estimate(int ahead, int agentsPresent, int freeSlots, IEnumerable<HandoffTicket> recentlyClosed)
    {
        ArgumentNullException.ThrowIfNull(recentlyClosed);
        if (freeSlots > ahead)
        {
            return TimeSpan.Zero;
        }

        var handled = recentlyClosed
            .Where(t => t.ClaimedAt is not null && t.ClosedAt is not null && t.ClosedAt > t.ClaimedAt)
            .Select(t => (t.ClosedAt!.Value - t.ClaimedAt!.Value).Ticks)
            .ToList();
        var handling = handled.Count == 0 ? DefaultHandlingTime : TimeSpan.FromTicks((long)handled.Average());
        var rounds = (ahead - freeSlots + 1.0) / Math.Max(1, agentsPresent);
        return TimeSpan.FromTicks((long)(handling.Ticks * rounds));
    }

    /// <summary>The wait in words: "under a minute", "about 5 minutes", "about 2 hours".</summary>
    public static string Describe(TimeSpan wait) => wait switch
    {
        _ when wait < TimeSpan.FromMinutes(1) => "under a minute",
        _ when wait < TimeSpan.FromMinutes(1.5) => "about a minute",
        _ when wait < TimeSpan.FromMinutes(90) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"about {(int)Math.Round(wait.TotalMinutes)} minutes"),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"about {(int)Math.Round(wait.TotalHours)} hours"),
    };
}
