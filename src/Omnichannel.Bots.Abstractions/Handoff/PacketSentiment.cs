namespace Omnichannel.Bots.Handoff;

/// <summary>
/// The customer's sentiment over the journey: each message's score (-1 very negative .. +1 very positive), the last
/// score, and the <see cref="Trend"/>: <c>improving</c>, <c>steady</c> or <c>worsening</c>.
/// </summary>
public sealed record PacketSentiment
{
    public double? Last { get; init; }

    public required string Trend { get; init; }

    public required IReadOnlyList<PacketSentimentPoint> Points { get; init; }
}
