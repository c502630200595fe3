using Omnichannel.Bots.Handoff;

namespace Omnichannel.Bots.Handoff.Tests.Flow;

public sealed class WaitEstimatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 18, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Estimate_FreeSlotAhead_IsZero() => Assert.Equal(TimeSpan.Zero, WaitEstimator.Estimate(ahead: 1, agentsPresent: 1, freeSlots: 2, []));

    [Fact]
    public void Estimate_NoHistory_UsesTheDefaultHandlingTimePerRound()
    {
        // Three ahead, none free, two agents: (3 - 0 + 1) / 2 = 2 rounds of 6 minutes.
        Assert.Equal(TimeSpan.FromMinutes(12), WaitEstimator.Estimate(3, 2, 0, []));
    }

    [Fact]
    public void Estimate_History_UsesTheAverageClaimToClose()
    {
        var closed = new[] { Closed(4), Closed(8) };

        // Nobody ahead, nobody free, one agent: one round of the 6-minute average.
        Assert.Equal(TimeSpan.FromMinutes(6), WaitEstimator.Estimate(0, 1, 0, closed));
    }

    [Theory]
    [InlineData(0, "under a minute")]
    [InlineData(59, "under a minute")]
    [InlineData(60, "about a minute")]
    [InlineData(100, "about 2 minutes")]
    [InlineData(300, "about 5 minutes")]
    [InlineData(7200, "about 2 hours")]
    public void Describe_Seconds_InWords(int seconds, string expected) => Assert.Equal(expected, WaitEstimator.Describe(TimeSpan.FromSeconds(seconds)));

    private static HandoffTicket Closed(int minutes) => new()
    {
        Id = minutes,
        ConversationId = "c",
        CustomerId = "u",
        Channel = ChannelId.WebChat,
        Queue = "general",
        Priority = HandoffPriority.Normal,
        Reason = "r",
        Status = HandoffTicketStatus.Resolved,
        InboxSequence = minutes,
        QueuedAt = Start,
        ClaimedAt = Start,
        ClosedAt = Start.AddMinutes(minutes),
    };
}
