using Omnichannel.Bots.Handoff.Routing;

namespace Omnichannel.Bots.Handoff.Tests.Routing;

public sealed class BusinessHoursTests
{
    private static BusinessHours Hours(string zone, string weekly, string closed = "[]")
    {
        var result = RoutingRulesLoader.Parse(
            $"version: 1\nrules: []\nbusiness_hours:\n  time_zone: {zone}\n  weekly: {weekly}\n  closed: {closed}\n", "r.yaml");
        return result.Rules?.Hours ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }

    private static readonly BusinessHours London = Hours(
        "Europe/London", "{ mon-fri: \"09:00-17:00\", sat: [\"10:00-12:00\", \"13:00-14:00\"] }", "[2026-12-25, 2026-12-26]");

    [Theory]
    // Winter (GMT = UTC) and summer (BST = UTC+1).
    [InlineData("2026-01-14T09:00:00Z", true)]   // Wednesday 09:00 GMT: opens
    [InlineData("2026-01-14T08:59:59Z", false)]
    [InlineData("2026-01-14T16:59:59Z", true)]
    [InlineData("2026-01-14T17:00:00Z", false)]  // closes at 17:00 (excluded)
    [InlineData("2026-07-15T08:00:00Z", true)]   // Wednesday 09:00 BST
    [InlineData("2026-07-15T16:30:00Z", false)]  // 17:30 BST
    [InlineData("2026-07-15T07:59:00Z", false)]  // 08:59 BST
    [InlineData("2026-01-17T11:00:00Z", true)]   // Saturday 11:00
    [InlineData("2026-01-17T12:30:00Z", false)]  // Saturday lunch break
    [InlineData("2026-01-17T13:30:00Z", true)]
    [InlineData("2026-01-18T11:00:00Z", false)]  // Sunday
    [InlineData("2026-12-25T11:00:00Z", false)]  // Friday, but closed (Christmas)
    [InlineData("2026-12-24T11:00:00Z", true)]
    [InlineData("2026-12-25T23:30:00-05:00", false)] // 04:30 on the 26th in London: closed date and night
    [InlineData("2026-03-30T08:00:00Z", true)]   // Monday after the clocks went forward: 09:00 BST
    [InlineData("2026-03-27T08:30:00Z", false)]  // Friday before: 08:30 GMT
    public void IsOpen_Instant_FollowsLocalHours(string at, bool open)
    {
        Assert.Equal(open, London.IsOpen(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-01-14T10:00:00Z", "2026-01-14T10:00:00Z")] // open now: now
    [InlineData("2026-01-14T07:00:00Z", "2026-01-14T09:00:00Z")] // later today
    [InlineData("2026-01-14T18:00:00Z", "2026-01-15T09:00:00Z")] // tomorrow
    [InlineData("2026-01-17T12:15:00Z", "2026-01-17T13:00:00Z")] // after the lunch break
    [InlineData("2026-01-17T15:00:00Z", "2026-01-19T09:00:00Z")] // Saturday afternoon: Monday
    [InlineData("2026-03-28T15:00:00Z", "2026-03-30T08:00:00Z")] // over the spring change: 09:00 BST is 08:00 UTC
    [InlineData("2026-10-24T15:00:00Z", "2026-10-26T09:00:00Z")] // over the autumn change: back to GMT
    [InlineData("2026-12-24T18:00:00Z", "2026-12-28T09:00:00Z")] // Christmas and Boxing Day closed, then Sunday
    public void NextOpening_Instant_IsTheNextLocalOpening(string at, string expected)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;

        var next = London.NextOpening(DateTimeOffset.Parse(at, culture));

        Assert.Equal(DateTimeOffset.Parse(expected, culture), next);
        Assert.True(London.IsOpen(next!.Value));
    }

    [Fact]
    public void NextOpening_OpeningInTheSkippedHour_OpensAfterTheGap()
    {
        // 2026-03-29: London goes from 01:00 GMT to 02:00 BST; 01:30 does not exist that day.
        var hours = Hours("Europe/London", "{ sun: \"01:30-05:00\" }");
        var at = new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.Zero);

        var next = hours.NextOpening(at);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), next); // 02:00 BST, when the clocks go forward
        Assert.True(hours.IsOpen(next!.Value));
        Assert.False(hours.IsOpen(next.Value.AddMinutes(-1)));
    }

    [Fact]
    public void NextOpening_OpeningInTheRepeatedHour_TakesTheFirst()
    {
        // 2026-10-25: London goes from 02:00 BST back to 01:00 GMT; 01:30 happens twice.
        var hours = Hours("Europe/London", "{ sun: \"01:30-05:00\" }");

        var next = hours.NextOpening(new DateTimeOffset(2026, 10, 24, 20, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), next); // 01:30 BST
    }

    [Fact]
    public void IsOpen_OtherZone_UsesThatZone()
    {
        var newYork = Hours("America/New_York", "{ mon-fri: \"09:00-17:00\" }");
        var at = new DateTimeOffset(2026, 1, 14, 14, 30, 0, TimeSpan.Zero); // 09:30 EST

        Assert.True(newYork.IsOpen(at));
        Assert.False(London.IsOpen(at.AddHours(3)));
        Assert.False(newYork.IsOpen(at.AddHours(-1)));
    }

    [Fact]
    public void IsOpen_UntilMidnight_IncludesTheLastMinute()
    {
        var hours = Hours("UTC", "{ fri: \"22:00-24:00\", sat: \"00:00-02:00\" }");

        Assert.True(hours.IsOpen(new DateTimeOffset(2026, 1, 16, 23, 59, 59, TimeSpan.Zero)));
        Assert.True(hours.IsOpen(new DateTimeOffset(2026, 1, 17, 0, 0, 0, TimeSpan.Zero)));
        Assert.False(hours.IsOpen(new DateTimeOffset(2026, 1, 17, 2, 0, 0, TimeSpan.Zero)));
        Assert.Equal("Friday 22:00-24:00, Saturday 00:00-02:00 (UTC)", hours.Describe());
    }

    [Fact]
    public void NextOpening_OnlyClosedDatesAhead_SkipsWeeks()
    {
        var hours = Hours("UTC", "{ mon: \"09:00-10:00\" }", "[2026-01-19, 2026-01-26, 2026-02-02]");

        var next = hours.NextOpening(new DateTimeOffset(2026, 1, 13, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 2, 9, 9, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void Describe_Configured_GroupsDaysWithTheSameHours()
    {
        Assert.Equal("Monday to Friday 09:00-17:00, Saturday 10:00-12:00 and 13:00-14:00 (Europe/London)", London.Describe());
        Assert.Equal(
            "Monday and Tuesday 08:00-12:00, Thursday 08:00-12:00, Sunday 10:00-11:00 (UTC)",
            Hours("UTC", "{ Monday: \"08:00-12:00\", tue: \"08:00-12:00\", wed: closed, thu: \"08:00-12:00\", sun: \"10:00-11:00\" }").Describe());
        Assert.Equal("Monday to Sunday 00:00-24:00 (UTC)", Hours("UTC", "{ \"sat-fri\": \"00:00-24:00\" }").Describe());
    }

    [Fact]
    public void IsOpen_DayRangeOverTheWeekend_CoversSaturdayAndSunday()
    {
        var hours = Hours("UTC", "{ fri-mon: \"10:00-16:00\" }");

        Assert.True(hours.IsOpen(new DateTimeOffset(2026, 1, 18, 12, 0, 0, TimeSpan.Zero))); // Sunday
        Assert.False(hours.IsOpen(new DateTimeOffset(2026, 1, 20, 12, 0, 0, TimeSpan.Zero))); // Tuesday
        Assert.Equal("Monday 10:00-16:00, Friday to Sunday 10:00-16:00 (UTC)", hours.Describe());
    }

    [Fact]
    public void Always_Anytime_IsOpenWithoutNextOpening()
    {
        var at = new DateTimeOffset(2026, 12, 25, 3, 0, 0, TimeSpan.Zero);

        Assert.True(BusinessHours.Always.IsOpen(at));
        Assert.Null(BusinessHours.Always.NextOpening(at));
        Assert.Equal("around the clock", BusinessHours.Always.Describe());
        Assert.False(BusinessHours.Always.IsConfigured);
        Assert.True(London.IsConfigured);
    }

    [Fact]
    public void Rules_WithHoursAndFakeClock_BusinessHoursConditionFollowsTheClock()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 14, 16, 59, 0, TimeSpan.Zero));
        var rules = RoutingRulesLoader.Parse("""
            version: 1
            business_hours: { time_zone: Europe/London, weekly: { mon-fri: "09:00-17:00" } }
            rules:
              - name: after-hours
                when: { asked_for_person: true, business_hours: closed }
                clarify: { text: "We're closed; we'll reply when we open." }
              - name: person
                when: { asked_for_person: true }
                escalate: {}
            """, "r.yaml").Rules!;

        RoutingFacts Facts() => FactsRow.Parse("asked") with { Now = time.GetUtcNow(), WithinBusinessHours = rules.Hours.IsOpen(time.GetUtcNow()) };

        Assert.Equal("person", rules.Evaluate(Facts()).Rule);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("after-hours", rules.Evaluate(Facts()).Rule);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero), rules.Hours.NextOpening(time.GetUtcNow()));
    }
}
