using Omnichannel.Bots.Handoff;

namespace Omnichannel.Bots.Handoff.Tests.Packets;

public sealed class SentimentTrendTests
{
    [Theory]
    [InlineData(new double[0], "steady")]
    [InlineData(new[] { -0.9 }, "steady")]
    [InlineData(new[] { 0.5, 0.4 }, "steady")]
    [InlineData(new[] { 0.5, -0.5 }, "worsening")]
    [InlineData(new[] { -0.8, -0.7, 0.3, 0.4 }, "improving")]
    [InlineData(new[] { 0.2, 0.1, -0.1, -0.6, -0.7 }, "worsening")]
    [InlineData(new[] { 0.0, 0.1, 0.15 }, "steady")]
    public void Of_Scores_GivesTheTrend(double[] scores, string expected)
    {
        var start = new DateTimeOffset(2026, 3, 18, 10, 0, 0, TimeSpan.Zero);
        var points = scores.Select((s, i) => new PacketSentimentPoint(start.AddMinutes(i), s)).ToList();

        Assert.Equal(expected, SentimentTrend.Of(points));
    }
}
