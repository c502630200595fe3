namespace Omnichannel.Bots.Tests.PromptTables;

public sealed class TextPromptTests
{
    private static readonly TextPrompt Free = Bots.Prompts.Text("What's your name?");
    private static readonly TextPrompt OrderNumber =
        Bots.Prompts.Text("Which order?").Matching(@"\d{5}", "Order numbers have 5 digits, like 12345.");

    [Theory]
    [InlineData("Jane", "Jane")]
    [InlineData("  Jane Doe  ", "Jane Doe")]
    [InlineData("x", "x")]
    [InlineData("12345", "12345")]
    [InlineData("It's complicated, really.", "It's complicated, really.")]
    [InlineData("日本語", "日本語")]
    public async Task RecognizeAsync_FreeText_AcceptsTrimmed(string text, string expected)
    {
        var result = await Free.RecognizeAsync(PromptInputs.Text(text), CancellationToken.None);
        Assert.True(result.Succeeded);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    public async Task RecognizeAsync_FreeTextBlank_Rejects(string? text)
    {
        var result = await Free.RecognizeAsync(PromptInputs.Text(text), CancellationToken.None);
        Assert.False(result.Succeeded);
        Assert.Equal("Please answer in 1 to 2000 characters.", result.Reason);
    }

    [Theory]
    [InlineData("ab", true)]
    [InlineData("abcdefghij", true)]
    [InlineData("a", false)]
    [InlineData("abcdefghijk", false)]
    public async Task RecognizeAsync_WithLength_ChecksBounds(string text, bool accepted)
    {
        var result = await Free.WithLength(2, 10).RecognizeAsync(PromptInputs.Text(text), CancellationToken.None);
        Assert.Equal(accepted, result.Succeeded);
    }

    [Fact]
    public async Task RecognizeAsync_TappedValueWithoutText_AcceptsValue()
    {
        var result = await Free.RecognizeAsync(PromptInputs.Tap("picked"), CancellationToken.None);
        Assert.Equal(("picked", true), (result.Value, result.Succeeded));
    }

    [Theory]
    [InlineData("12345", "12345")]
    [InlineData(" 12345 ", "12345")]
    [InlineData("it's 12345", "12345")]
    [InlineData("my order 12345 hasn't arrived", "12345")]
    [InlineData("23456, it arrived broken", "23456")]
    [InlineData("order #34567.", "34567")]
    [InlineData("(45678)", "45678")]
    [InlineData("12345 and 12345 again", "12345")]
    public async Task RecognizeAsync_MatchingPattern_AcceptsTheOneMatch(string text, string expected)
    {
        var result = await OrderNumber.RecognizeAsync(PromptInputs.Text(text), CancellationToken.None);
        Assert.True(result.Succeeded);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("1234")]
    [InlineData("123456")]
    [InlineData("abc12345")]
    [InlineData("12345abc")]
    [InlineData("order 1234567")]
    [InlineData("12345 or 23456")]
    [InlineData("I don't know")]
    [InlineData("")]
    [InlineData(null)]
    public async Task RecognizeAsync_MatchingPattern_RejectsWithReason(string? text)
    {
        var result = await OrderNumber.RecognizeAsync(PromptInputs.Text(text), CancellationToken.None);
        Assert.False(result.Succeeded);
        Assert.Equal("Order numbers have 5 digits, like 12345.", result.Reason);
    }

    [Fact]
    public async Task RecognizeAsync_ValidatorRejects_ReturnsValidatorReason()
    {
        var prompt = OrderNumber.Validate(n => n == "99999" ? "I couldn't find order 99999." : null);
        var result = await prompt.RecognizeAsync(PromptInputs.Text("99999"), CancellationToken.None);
        Assert.Equal((false, "I couldn't find order 99999."), (result.Succeeded, result.Reason));
    }
}
