namespace Omnichannel.Bots.Journeys.Tests;

/// <summary>The metrics of <see cref="ScriptedJourneys"/> against the hand computation written there.</summary>
public sealed class JourneyMetricsCalculatorTests
{
    private static JourneyMetrics Compute() =>
        JourneyMetricsCalculator.Compute(ScriptedJourneys.Events(), ScriptedJourneys.From, ScriptedJourneys.To, ScriptedJourneys.Options());

    [Fact]
    public void ScriptedWeek_TotalsAreTheHandComputedOnes()
    {
        var m = Compute();

        Assert.Equal(7, m.Journeys);
        Assert.Equal(3, m.Resolved);
        Assert.Equal(2, m.ResolvedByBot);
        Assert.Equal(1, m.ResolvedByAgent);
        Assert.Equal(3.0 / 7, m.ResolutionRate!.Value, 12);
        Assert.Equal(5, m.Transitions);
        Assert.Equal(3, m.PreservedTransitions);
        Assert.Equal(3.0 / 5, m.ContextPreservationRate!.Value, 12);
        Assert.Equal(3, m.CrossChannelJourneys);
        Assert.Equal(2.0 / 3, m.CrossChannelResolutionRate!.Value, 12);
        Assert.Equal(2.0 / 7, m.FirstContactResolutionRate!.Value, 12);
        Assert.Equal(2, m.RatedJourneys);
        Assert.Equal(3.5, m.CsatAverage!.Value, 12);
        Assert.Equal(0.5, m.CsatSatisfiedRate!.Value, 12);
        Assert.Equal(TimeSpan.FromMinutes(50), m.MeanTimeToResolution);
        Assert.Equal(TimeSpan.FromMinutes(40), m.MedianTimeToResolution);
        Assert.Equal(25.80m, m.TotalCost);
        Assert.Equal(8.60m, m.CostPerResolution);
    }

    [Fact]
    public void ScriptedWeek_EveryRateIsStrictlyBetweenZeroAndOne()
    {
        var m = Compute();

        foreach (var rate in new[] { m.ResolutionRate, m.ContextPreservationRate, m.CrossChannelResolutionRate, m.FirstContactResolutionRate, m.CsatSatisfiedRate })
        {
            Assert.NotNull(rate);
            Assert.InRange(rate.Value, double.Epsilon, 1 - 1e-9);
        }
    }

    [Fact]
    public void ScriptedWeek_EachJourneyIsTheHandComputedOne()
    {
        var journeys = Compute().JourneyList;

        Assert.Equal(["a", "b", "c", "e", "b", "f", "f"], journeys.Select(j => j.CustomerId));
        var (a1, b1, c1, e1, b2) = (journeys[0], journeys[1], journeys[2], journeys[3], journeys[4]);

        Assert.Equal((JourneyResolver?)JourneyResolver.Bot, a1.ResolvedBy);
        Assert.Equal(["webchat", "whatsapp"], a1.Channels);
        Assert.Equal((1, 1), (a1.Transitions, a1.PreservedTransitions));
        Assert.Empty(a1.ReaskedSlots);
        Assert.Equal(0.22m, a1.Cost);
        Assert.True(a1.ResolvedAtFirstContact);

        Assert.Equal((JourneyResolver?)JourneyResolver.Agent, b1.ResolvedBy);
        Assert.Equal(TimeSpan.FromMinutes(40), b1.TimeToResolution);
        Assert.Equal(5, b1.Rating);
        Assert.Equal(9, b1.Messages["sms"]);
        Assert.Equal(30, b1.AgentMinutes, 9);
        Assert.Equal(15.18m, b1.Cost);
        Assert.False(b1.ResolvedAtFirstContact);

        Assert.False(c1.Resolved);
        Assert.Equal((2, 0), (c1.Transitions, c1.PreservedTransitions));
        Assert.Equal(["order-number", "email"], c1.ReaskedSlots);
        Assert.Equal(2, c1.Rating);
        Assert.Equal(10.28m, c1.Cost);

        Assert.Equal(TimeSpan.FromMinutes(90), e1.TimeToResolution);
        Assert.Equal(0.02m, e1.Cost);

        Assert.False(b2.Resolved);
        Assert.Equal(0, b2.Transitions);
        Assert.Equal(["webchat"], b2.Channels);
    }

    [Fact]
    public void RangeOfOneDay_CountsOnlyTheJourneysThatStartedInIt()
    {
        var m = JourneyMetricsCalculator.Compute(ScriptedJourneys.Events(), ScriptedJourneys.From, ScriptedJourneys.From.AddDays(1), ScriptedJourneys.Options());

        Assert.Equal(["a", "b"], m.JourneyList.Select(j => j.CustomerId));
    }

    [Fact]
    public void NothingToCount_RatesAreNullNotZero()
    {
        var m = JourneyMetricsCalculator.Compute([], ScriptedJourneys.From, ScriptedJourneys.To, ScriptedJourneys.Options());

        Assert.Equal(0, m.Journeys);
        Assert.Null(m.ResolutionRate);
        Assert.Null(m.ContextPreservationRate);
        Assert.Null(m.CsatAverage);
        Assert.Null(m.CostPerResolution);
        Assert.Null(m.MedianTimeToResolution);
    }
}
