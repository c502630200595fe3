namespace Omnichannel.Bots.Tests.PromptTables;

public sealed class DatePromptTests
{
    // Today is Wednesday 18 March 2026.
    private static readonly DatePrompt AnyDate = Bots.Prompts.Date("Which day?");

    [Theory]
    [InlineData("today", "en-US", "2026-03-18")]
    [InlineData("tomorrow", "en-US", "2026-03-19")]
    [InlineData("yesterday", "en-US", "2026-03-17")]
    [InlineData("the day after tomorrow", "en-US", "2026-03-20")]
    [InlineData("friday", "en-US", "2026-03-20")]
    [InlineData("next friday", "en-US", "2026-03-27")]
    [InlineData("this friday", "en-US", "2026-03-20")]
    [InlineData("last monday", "en-US", "2026-03-09")]
    [InlineData("in 3 days", "en-US", "2026-03-21")]
    [InlineData("3 days ago", "en-US", "2026-03-15")]
    [InlineData("20 March", "en-US", "2026-03-20")]
    [InlineData("March 14th", "en-US", "2027-03-14")]
    [InlineData("14 Mar 2026", "en-US", "2026-03-14")]
    [InlineData("the 20th", "en-US", "2026-03-20")]
    [InlineData("2026-03-14", "en-US", "2026-03-14")]
    [InlineData("3/14/2026", "en-US", "2026-03-14")]
    [InlineData("4/1", "en-US", "2026-04-01")]
    [InlineData("14/03/2026", "en-GB", "2026-03-14")]
    [InlineData("1/4", "en-GB", "2026-04-01")]
    [InlineData("2026-03-14", "en-GB", "2026-03-14")]
    [InlineData("can you come on friday?", "en-US", "2026-03-20")]
    [InlineData("tomorrow please", "en-US", "2026-03-19")]
    public async Task RecognizeAsync_AnyDate_Accepts(string text, string culture, string expected)
    {
        var result = await AnyDate.RecognizeAsync(PromptInputs.Text(text, culture), CancellationToken.None);
        Assert.True(result.Succeeded, text);
        Assert.Equal(PromptInputs.Date(expected), result.Value);
    }

    [Theory]
    [InlineData("", "en-US")]
    [InlineData("someday", "en-US")]
    [InlineData("next", "en-US")]
    [InlineData("soon", "en-US")]
    [InlineData("31 February", "en-US")]
    [InlineData("13/13/2026", "en-US")]
    [InlineData("13/13/2026", "en-GB")]
    [InlineData("14/03/2026", "en-US")]
    [InlineData("3/14/2026", "en-GB")]
    [InlineData("today or tomorrow", "en-US")]
    [InlineData("12345", "en-US")]
    public async Task RecognizeAsync_AnyDate_Rejects(string text, string culture)
    {
        var result = await AnyDate.RecognizeAsync(PromptInputs.Text(text, culture), CancellationToken.None);
        Assert.False(result.Succeeded, text);
        Assert.Equal("Please give a date, like \"tomorrow\", \"next Friday\" or \"14 March\".", result.Reason);
    }

    [Theory]
    [InlineData("today", "2026-03-18")]
    [InlineData("yesterday", "2026-03-17")]
    [InlineData("friday", "2026-03-13")]
    [InlineData("monday", "2026-03-16")]
    [InlineData("last friday", "2026-03-13")]
    [InlineData("14 March", "2026-03-14")]
    [InlineData("20 March", "2025-03-20")]
    [InlineData("the 14th", "2026-03-14")]
    [InlineData("the 20th", "2026-02-20")]
    [InlineData("it arrived 2 weeks ago", "2026-03-04")]
    [InlineData("3/1", "2026-03-01")]
    public async Task RecognizeAsync_InPast_Accepts(string text, string expected)
    {
        var result = await AnyDate.InPast().RecognizeAsync(PromptInputs.Text(text), CancellationToken.None);
        Assert.True(result.Succeeded, text);
        Assert.Equal(PromptInputs.Date(expected), result.Value);
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("next friday")]
    [InlineData("in 3 days")]
    [InlineData("2026-03-19")]
    [InlineData("14 March 2027")]
    public async Task RecognizeAsync_InPast_RejectsFuture(string text)
    {
        var result = await AnyDate.InPast().RecognizeAsync(PromptInputs.Text(text), CancellationToken.None);
        Assert.False(result.Succeeded, text);
        Assert.Equal("Please give a date today or earlier, like \"yesterday\" or \"3 March\".", result.Reason);
    }

    [Theory]
    [InlineData("today", "2026-03-18")]
    [InlineData("tomorrow", "2026-03-19")]
    [InlineData("friday", "2026-03-20")]
    [InlineData("monday", "2026-03-23")]
    [InlineData("14 March", "2027-03-14")]
    [InlineData("the 14th", "2026-04-14")]
    [InlineData("in a week", "2026-03-25")]
    public async Task RecognizeAsync_InFuture_Accepts(string text, string expected)
    {
        var result = await AnyDate.InFuture().RecognizeAsync(PromptInputs.Text(text), CancellationToken.None);
        Assert.True(result.Succeeded, text);
        Assert.Equal(PromptInputs.Date(expected), result.Value);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("last friday")]
    [InlineData("3 days ago")]
    [InlineData("14 March 2026")]
    [InlineData("2026-03-17")]
    public async Task RecognizeAsync_InFuture_RejectsPast(string text)
    {
        var result = await AnyDate.InFuture().RecognizeAsync(PromptInputs.Text(text), CancellationToken.None);
        Assert.False(result.Succeeded, text);
        Assert.Equal("Please give a date today or later, like \"tomorrow\" or \"next Friday\".", result.Reason);
    }

    [Theory]
    [InlineData("tomorrow", "2026-03-19")]
    [InlineData("saturday", "2026-03-21")]
    [InlineData("next monday", "2026-03-23")]
    [InlineData("1 April", "2026-04-01")]
    [InlineData("in 2 weeks", "2026-04-01")]
    public async Task RecognizeAsync_Between_AcceptsInsideRange(string text, string expected)
    {
        var prompt = AnyDate.Between(PromptInputs.Today.AddDays(1), PromptInputs.Today.AddDays(14));
        var result = await prompt.RecognizeAsync(PromptInputs.Text(text), CancellationToken.None);
        Assert.True(result.Succeeded, text);
        Assert.Equal(PromptInputs.Date(expected), result.Value);
    }

    [Theory]
    [InlineData("today")]
    [InlineData("yesterday")]
    [InlineData("2 April")]
    [InlineData("in 3 weeks")]
    [InlineData("next month")]
    public async Task RecognizeAsync_Between_RejectsOutsideRange(string text)
    {
        var prompt = AnyDate.Between(PromptInputs.Today.AddDays(1), PromptInputs.Today.AddDays(14));
        var result = await prompt.RecognizeAsync(PromptInputs.Text(text), CancellationToken.None);
        Assert.False(result.Succeeded, text);
        Assert.Equal("Please give a date from 19 March 2026 to 1 April 2026.", result.Reason);
    }

    [Fact]
    public async Task RecognizeAsync_WeekendValidator_ReturnsValidatorReason()
    {
        var prompt = AnyDate.Validate(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? "Not at weekends." : null);
        var result = await prompt.RecognizeAsync(PromptInputs.Text("saturday"), CancellationToken.None);
        Assert.Equal((false, "Not at weekends."), (result.Succeeded, result.Reason));
    }
}
