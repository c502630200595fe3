namespace Omnichannel.Bots.Journeys.Tests;

public sealed class MetricsRangeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 18, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-03-01", "2026-03-08", "2026-03-01T00:00:00+00:00", "2026-03-08T00:00:00+00:00")]
    [InlineData("2026-03-01T08:30:00Z", "2026-03-01T10:00:00+01:00", "2026-03-01T08:30:00+00:00", "2026-03-01T09:00:00+00:00")]
    [InlineData("2026-03-01T08:00:00", null, "2026-03-01T08:00:00+00:00", "2026-03-18T10:00:00+00:00")]
    public void Parse_DatesAndTimes_UtcUnlessAnOffsetIsGiven(string from, string? to, string start, string end)
    {
        var (parsedFrom, parsedTo, problem) = MetricsRange.Parse(from, to, Now);

        Assert.Null(problem);
        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), parsedFrom);
        Assert.Equal(DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture), parsedTo);
    }

    [Theory]
    [InlineData(null, null, "'from' is missing")]
    [InlineData("03/01/2026", null, "'from' must be a date (2026-03-01) or an ISO 8601 time (2026-03-01T08:00:00Z), not '03/01/2026'.")]
    [InlineData("2026-03-01", "soon", "'to' must be a date")]
    [InlineData("2026-03-01", "2026-03-01", "must be after 'from'")]
    public void Parse_BadInput_SaysWhatIsWrong(string? from, string? to, string message)
    {
        var (_, _, problem) = MetricsRange.Parse(from, to, Now);

        Assert.NotNull(problem);
        Assert.Contains(message, problem, StringComparison.Ordinal);
    }
}
