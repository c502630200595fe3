using K = Omnichannel.Bots.Journeys.JourneyEventKind;

namespace Omnichannel.Bots.Journeys.Tests;

/// <summary>Where journeys start and end (the rules <see cref="JourneyBuilder"/> documents).</summary>
public sealed class JourneyBuilderTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 6, 17, 0, 0, TimeSpan.Zero);

    private static JourneyEvent E(int id, double hours, K kind, string? channel = "sms", long? ticket = null, string? agent = null, string? slot = null) =>
        new(id, "x", Start.AddHours(hours), kind) { Channel = channel, TicketId = ticket, AgentId = agent, Slot = slot };

    [Fact]
    public void TicketWaitingOverAWeekend_DeskEventsStayInTheJourneyThatHandedOff()
    {
        var journeys = JourneyBuilder.Build(
            [
                E(1, 0, K.MessageIn), E(2, 0, K.Handoff),
                E(3, 64, K.Claimed, null, ticket: 7, agent: "alice"),
                E(4, 65, K.Resolved, "sms", ticket: 7, agent: "alice"),
            ],
            new JourneysOptions());

        var journey = Assert.Single(journeys);
        Assert.Equal(TimeSpan.FromHours(65), journey.TimeToResolution);
        Assert.Equal(60, journey.AgentMinutes, 9);
    }

    [Fact]
    public void MessageAfterAResolution_StartsANewJourney_ButTheRatingMessageDoesNot()
    {
        var journeys = JourneyBuilder.Build(
            [
                E(1, 0, K.MessageIn), E(2, 0, K.Handoff), E(3, 0.1, K.Claimed, null, ticket: 7, agent: "alice"),
                E(4, 0.5, K.Resolved, "sms", ticket: 7, agent: "alice"),
                E(5, 0.6, K.Rating, null, ticket: 7) with { Score = 4 }, E(6, 0.6, K.MessageIn, "sms", ticket: 7),
                E(7, 0.7, K.MessageIn),
            ],
            new JourneysOptions());

        Assert.Equal(2, journeys.Count);
        Assert.Equal(4, journeys[0].Rating);
        Assert.Equal(2, journeys[0].Messages["sms"]);
        Assert.Equal(Start.AddHours(0.7), journeys[1].StartedAt);
    }

    [Fact]
    public void ValueGivenAfterTheSwitch_AskedAgain_IsNoReaskOfTheSwitch()
    {
        var journeys = JourneyBuilder.Build(
            [
                E(1, 0, K.MessageIn, "webchat"),
                E(2, 0.1, K.MessageIn, "sms"), E(3, 0.1, K.ChannelSwitch), E(4, 0.1, K.SlotGiven, slot: "email"),
                E(5, 0.2, K.MessageIn), E(6, 0.2, K.SlotAsked, slot: "email"),
            ],
            new JourneysOptions());

        var journey = Assert.Single(journeys);
        Assert.Equal((1, 1), (journey.Transitions, journey.PreservedTransitions));
    }

    [Fact]
    public void QuietLongerThanTheIdleTimeout_EndsTheJourneyUnresolved()
    {
        var journeys = JourneyBuilder.Build(
            [E(1, 0, K.MessageIn), E(2, 3, K.MessageIn), E(3, 3, K.Resolved)],
            new JourneysOptions { IdleTimeout = TimeSpan.FromHours(2) });

        Assert.Equal(2, journeys.Count);
        Assert.False(journeys[0].Resolved);
        Assert.True(journeys[1].Resolved);
    }
}
