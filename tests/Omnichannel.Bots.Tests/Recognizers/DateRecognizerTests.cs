using System.Globalization;
using Omnichannel.Bots.Recognizers;

namespace Omnichannel.Bots.Tests.Recognizers;

public sealed class DateRecognizerTests
{
    // Wednesday 18 March 2026.
    private static readonly DateOnly Today = new(2026, 3, 18);

    [Theory]
    [InlineData("today", "2026-03-18")]
    [InlineData("Today!", "2026-03-18")]
    [InlineData("tonight", "2026-03-18")]
    [InlineData("tomorrow", "2026-03-19")]
    [InlineData("Tomorrow.", "2026-03-19")]
    [InlineData("tmrw", "2026-03-19")]
    [InlineData("yesterday", "2026-03-17")]
    [InlineData("the day after tomorrow", "2026-03-20")]
    [InlineData("day after tomorrow", "2026-03-20")]
    [InlineData("the day before yesterday", "2026-03-16")]
    [InlineData("in 3 days", "2026-03-21")]
    [InlineData("in three days", "2026-03-21")]
    [InlineData("in a day", "2026-03-19")]
    [InlineData("in a week", "2026-03-25")]
    [InlineData("in 2 weeks", "2026-04-01")]
    [InlineData("in a month", "2026-04-18")]
    [InlineData("in a year", "2027-03-18")]
    [InlineData("3 days ago", "2026-03-15")]
    [InlineData("a week ago", "2026-03-11")]
    [InlineData("two weeks ago", "2026-03-04")]
    [InlineData("friday", "2026-03-20")]
    [InlineData("Friday", "2026-03-20")]
    [InlineData("on friday", "2026-03-20")]
    [InlineData("fri", "2026-03-20")]
    [InlineData("monday", "2026-03-23")]
    [InlineData("wednesday", "2026-03-25")]
    [InlineData("this friday", "2026-03-20")]
    [InlineData("next friday", "2026-03-27")]
    [InlineData("next monday", "2026-03-23")]
    [InlineData("last monday", "2026-03-09")]
    [InlineData("last friday", "2026-03-13")]
    [InlineData("coming friday", "2026-03-20")]
    [InlineData("past friday", "2026-03-13")]
    [InlineData("14 March", "2027-03-14")]
    [InlineData("18 March", "2026-03-18")]
    [InlineData("20 March", "2026-03-20")]
    [InlineData("March 20th", "2026-03-20")]
    [InlineData("March 14th", "2027-03-14")]
    [InlineData("march 14", "2027-03-14")]
    [InlineData("the 20th of March", "2026-03-20")]
    [InlineData("20th of march", "2026-03-20")]
    [InlineData("the twentieth of march", "2026-03-20")]
    [InlineData("march the 20th", "2026-03-20")]
    [InlineData("1 April", "2026-04-01")]
    [InlineData("Apr 1", "2026-04-01")]
    [InlineData("sept. 3", "2026-09-03")]
    [InlineData("14 Mar 2026", "2026-03-14")]
    [InlineData("March 14, 2026", "2026-03-14")]
    [InlineData("14 March 2027", "2027-03-14")]
    [InlineData("Friday 20 March", "2026-03-20")]
    [InlineData("Fri, 20 March 2026", "2026-03-20")]
    [InlineData("friday the 20th", "2026-03-20")]
    [InlineData("the 20th", "2026-03-20")]
    [InlineData("20th", "2026-03-20")]
    [InlineData("the 14th", "2026-04-14")]
    [InlineData("the 18th", "2026-03-18")]
    [InlineData("the 31st", "2026-03-31")]
    [InlineData("2026-03-14", "2026-03-14")]
    [InlineData("2026-12-01", "2026-12-01")]
    [InlineData("3/14/2026", "2026-03-14")]
    [InlineData("3/14/26", "2026-03-14")]
    [InlineData("03/20", "2026-03-20")]
    [InlineData("12/25", "2026-12-25")]
    [InlineData("29 February", "2028-02-29")]
    public void TryParse_FutureEnUs_ReturnsDate(string text, string expected) =>
        AssertParses(text, "en-US", DateDirection.Future, expected);

    [Theory]
    [InlineData("friday", "2026-03-13")]
    [InlineData("monday", "2026-03-16")]
    [InlineData("wednesday", "2026-03-11")]
    [InlineData("14 March", "2026-03-14")]
    [InlineData("18 March", "2026-03-18")]
    [InlineData("20 March", "2025-03-20")]
    [InlineData("December 25th", "2025-12-25")]
    [InlineData("the 14th", "2026-03-14")]
    [InlineData("the 20th", "2026-02-20")]
    [InlineData("the 31st", "2026-01-31")]
    [InlineData("12/25", "2025-12-25")]
    [InlineData("next friday", "2026-03-27")]
    [InlineData("in 3 days", "2026-03-21")]
    [InlineData("29 February", "2024-02-29")]
    public void TryParse_PastEnUs_ReturnsDate(string text, string expected) =>
        AssertParses(text, "en-US", DateDirection.Past, expected);

    [Theory]
    [InlineData("14/03/2026", "2026-03-14")]
    [InlineData("14/3/2026", "2026-03-14")]
    [InlineData("14/03/26", "2026-03-14")]
    [InlineData("14.03.2026", "2026-03-14")]
    [InlineData("14-03-2026", "2026-03-14")]
    [InlineData("20/03", "2026-03-20")]
    [InlineData("01/04", "2026-04-01")]
    [InlineData("2026-03-14", "2026-03-14")]
    [InlineData("14 March", "2027-03-14")]
    [InlineData("this sunday", "2026-03-22")]
    [InlineData("next sunday", "2026-03-29")]
    public void TryParse_FutureEnGb_ReturnsDate(string text, string expected) =>
        AssertParses(text, "en-GB", DateDirection.Future, expected);

    [Theory]
    [InlineData("14.03.2026", "de-DE", "2026-03-14")]
    [InlineData("20.03.", "de-DE", "2026-03-20")]
    [InlineData("20. März", "de-DE", "2026-03-20")]
    [InlineData("this sunday", "en-US", "2026-03-15")]
    [InlineData("01/04", "en-US", "2027-01-04")]
    public void TryParse_OtherCultures_ReturnsDate(string text, string culture, string expected) =>
        AssertParses(text, culture, DateDirection.Future, expected);

    [Theory]
    [InlineData(null, "en-US")]
    [InlineData("", "en-US")]
    [InlineData("someday", "en-US")]
    [InlineData("next", "en-US")]
    [InlineData("next week", "en-US")]
    [InlineData("soon", "en-US")]
    [InlineData("march", "en-US")]
    [InlineData("14", "en-US")]
    [InlineData("14th march 14th", "en-US")]
    [InlineData("31 February", "en-US")]
    [InlineData("30 February 2028", "en-US")]
    [InlineData("29 February 2026", "en-US")]
    [InlineData("31 April", "en-US")]
    [InlineData("32 March", "en-US")]
    [InlineData("0 March", "en-US")]
    [InlineData("13/13/2026", "en-US")]
    [InlineData("13/13/2026", "en-GB")]
    [InlineData("14/3/2026", "en-US")]
    [InlineData("3/14/2026", "en-GB")]
    [InlineData("2026-13-01", "en-US")]
    [InlineData("2026-02-30", "en-US")]
    [InlineData("3-14", "en-US")]
    [InlineData("1.5", "en-US")]
    [InlineData("3/14/202", "en-US")]
    [InlineData("the 32nd", "en-US")]
    [InlineData("the 14st", "en-US")]
    [InlineData("friday 21 March", "en-US")]
    [InlineData("funday", "en-US")]
    [InlineData("in days", "en-US")]
    [InlineData("in 3", "en-US")]
    [InlineData("3 days", "en-US")]
    [InlineData("yesterday tomorrow", "en-US")]
    public void TryParse_NotADate_ReturnsFalse(string? text, string culture) =>
        Assert.False(DateRecognizer.TryParse(text, CultureInfo.GetCultureInfo(culture), Today, DateDirection.Future, out _));

    [Theory]
    [InlineData("can you come tomorrow?", DateDirection.Future, "2026-03-19", 13, 8)]
    [InlineData("it arrived on the 14th, broken", DateDirection.Past, "2026-03-14", 14, 8)]
    [InlineData("it arrives on the 14th", DateDirection.Future, "2026-04-14", 14, 8)]
    [InlineData("I'd like March 20th please", DateDirection.Future, "2026-03-20", 9, 10)]
    [InlineData("it came March 20th", DateDirection.Past, "2025-03-20", 8, 10)]
    [InlineData("delivered 14 Mar 2026 I think", DateDirection.Past, "2026-03-14", 10, 11)]
    [InlineData("next friday works", DateDirection.Future, "2026-03-27", 0, 11)]
    [InlineData("my order 12345 came 3 days ago", DateDirection.Past, "2026-03-15", 20, 10)]
    [InlineData("was it 2026-03-14?", DateDirection.Past, "2026-03-14", 7, 10)]
    [InlineData("on 3/14/2026 at noon", DateDirection.Past, "2026-03-14", 3, 9)]
    [InlineData("Friday, 20 March is fine", DateDirection.Future, "2026-03-20", 0, 16)]
    [InlineData("how about fri 20 march?", DateDirection.Future, "2026-03-20", 10, 12)]
    [InlineData("it came on monday.", DateDirection.Past, "2026-03-16", 11, 6)]
    public void FindAll_DateInText_ReturnsItWithSpan(string text, DateDirection direction, string expected, int start, int length)
    {
        var found = Assert.Single(DateRecognizer.FindAll(text, CultureInfo.GetCultureInfo("en-US"), Today, direction));
        Assert.Equal(new Recognized<DateOnly>(DateOnly.Parse(expected, CultureInfo.InvariantCulture), start, length), found);
    }

    [Theory]
    [InlineData("I sat on the sofa")]
    [InlineData("may I ask something")]
    [InlineData("my 14th order")]
    [InlineData("order 12345 please")]
    [InlineData("see you next time")]
    [InlineData("")]
    public void FindAll_NoDate_ReturnsNone(string text) =>
        Assert.Empty(DateRecognizer.FindAll(text, CultureInfo.GetCultureInfo("en-US"), Today, DateDirection.Future));

    [Fact]
    public void FindAll_TwoDates_ReturnsBothInOrder()
    {
        var found = DateRecognizer.FindAll("not today but friday", CultureInfo.GetCultureInfo("en-US"), Today, DateDirection.Future);
        Assert.Equal([new DateOnly(2026, 3, 18), new DateOnly(2026, 3, 20)], found.Select(f => f.Value));
    }

    private static void AssertParses(string text, string culture, DateDirection direction, string expected)
    {
        Assert.True(DateRecognizer.TryParse(text, CultureInfo.GetCultureInfo(culture), Today, direction, out var date), text);
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), date);
    }
}
