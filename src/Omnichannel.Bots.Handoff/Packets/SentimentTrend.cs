namespace Omnichannel.Bots.Handoff;

/// <summary>
/// Whether the customer's mood is <c>improving</c>, <c>steady</c> or <c>worsening</c>: the mean of their last two scored
/// messages against the mean of the ones before, with a 0.2 dead band; <c>steady</c> with fewer than two messages.
/// </summary>
public static class SentimentTrend
{
    public const string Improving = "improving";

    public const string Steady = "steady";

    public const string Worsening = "worsening";

    private const double DeadBand = 0.2;

    public static string Of(IReadOnlyList<PacketSentimentPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 2)
        {
            return Steady;
        }

        var recentCount = Math.Min(2, points.Count - 1);
        var recent = points.Skip(points.Count - recentCount).Average(p => p.Score);
        var earlier = points.Take(points.Count - recentCount).Average(p => p.Score);
        var change = recent - earlier;
        return change > DeadBand ? Improving : change < -DeadBand ? Worsening : Steady;
    }
}
