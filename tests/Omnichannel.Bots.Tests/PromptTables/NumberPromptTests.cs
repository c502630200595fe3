using System.Globalization;

namespace Omnichannel.Bots.Tests.PromptTables;

public sealed class NumberPromptTests
{
    private static readonly NumberPrompt Any = Bots.Prompts.Number("How much?");

    [Theory]
    [InlineData("3", "en-US", "3")]
    [InlineData("-3", "en-US", "-3")]
    [InlineData("2.5", "en-US", "2.5")]
    [InlineData("1,250.50", "en-US", "1250.50")]
    [InlineData("1.250,50", "de-DE", "1250.50")]
    [InlineData("5k", "en-US", "5000")]
    [InlineData("twenty-one", "en-US", "21")]
    [InlineData("one hundred and five", "en-US", "105")]
    [InlineData("a dozen", "en-US", "12")]
    [InlineData("one", "en-US", "1")]
    [InlineData("I'd like 4 please", "en-US", "4")]
    [InlineData("about three I think", "en-US", "3")]
    [InlineData("it costs $1,250.50", "en-US", "1250.50")]
    [InlineData("4, or 4", "en-US", "4")]
    public async Task RecognizeAsync_Number_Accepts(string text, string culture, string expected)
    {
        var result = await Any.RecognizeAsync(PromptInputs.Text(text, culture), CancellationToken.None);
        Assert.True(result.Succeeded, text);
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), result.Value);
    }

    [Theory]
    [InlineData("", "en-US")]
    [InlineData("lots", "en-US")]
    [InlineData("12abc", "en-US")]
    [InlineData("1,2,3", "en-US")]
    [InlineData("1,250.50", "de-DE")]
    [InlineData("3 or 4", "en-US")]
    [InlineData("between two and five", "en-US")]
    [InlineData("the second one", "en-US")]
    [InlineData("+44 20 7946 0000", "en-US")]
    public async Task RecognizeAsync_NotANumber_Rejects(string text, string culture)
    {
        var result = await Any.RecognizeAsync(PromptInputs.Text(text, culture), CancellationToken.None);
        Assert.False(result.Succeeded, text);
        Assert.Equal("Please answer with a number.", result.Reason);
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("3", "3")]
    [InlineData("two", "2")]
    [InlineData("3.0", "3")]
    [InlineData("I'm returning 2 of them", "2")]
    [InlineData("just one", "1")]
    public async Task RecognizeAsync_BetweenWholeNumber_Accepts(string text, string expected)
    {
        var prompt = Any.Between(1, 3).WholeNumber();
        var result = await prompt.RecognizeAsync(PromptInputs.Text(text), CancellationToken.None);
        Assert.True(result.Succeeded, text);
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), result.Value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("five")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("two and a half")]
    [InlineData("5k")]
    [InlineData("none")]
    public async Task RecognizeAsync_BetweenWholeNumber_RejectsWithRange(string text)
    {
        var prompt = Any.Between(1, 3).WholeNumber();
        var result = await prompt.RecognizeAsync(PromptInputs.Text(text), CancellationToken.None);
        Assert.False(result.Succeeded, text);
        Assert.Equal("Please answer with a whole number from 1 to 3.", result.Reason);
    }

    [Theory]
    [InlineData("2.5", true)]
    [InlineData("2.51", false)]
    [InlineData("0.5", true)]
    [InlineData("0.49", false)]
    public async Task RecognizeAsync_BetweenDecimals_ChecksBounds(string text, bool accepted)
    {
        var result = await Any.Between(0.5m, 2.5m).RecognizeAsync(PromptInputs.Text(text), CancellationToken.None);
        Assert.Equal(accepted, result.Succeeded);
    }

    [Fact]
    public void Extract_SentenceWithNumbers_ReturnsAllowedOnesOnly()
    {
        var prompt = Any.Between(1, 10);
        var found = prompt.Extract(PromptInputs.Text("order 12345, 3 items"));
        Assert.Equal([3m], found.Select(f => f.Value));
    }

    [Fact]
    public async Task RecognizeAsync_ValidatorRejects_ReturnsValidatorReason()
    {
        var prompt = Any.Validate(n => n % 2 == 0 ? null : "Please pick an even number.");
        var result = await prompt.RecognizeAsync(PromptInputs.Text("three"), CancellationToken.None);
        Assert.Equal((false, "Please pick an even number."), (result.Succeeded, result.Reason));
    }
}
