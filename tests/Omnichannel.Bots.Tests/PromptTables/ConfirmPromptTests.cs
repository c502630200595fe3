namespace Omnichannel.Bots.Tests.PromptTables;

public sealed class ConfirmPromptTests
{
    private static readonly ConfirmPrompt Confirm = Bots.Prompts.Confirm("Shall I book it?");

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yes please", true)]
    [InlineData("yeah", true)]
    [InlineData("yep!", true)]
    [InlineData("y", true)]
    [InlineData("sure", true)]
    [InlineData("ok", true)]
    [InlineData("okay then", true)]
    [InlineData("correct", true)]
    [InlineData("that's right", true)]
    [InlineData("go ahead", true)]
    [InlineData("👍", true)]
    [InlineData("no", false)]
    [InlineData("No.", false)]
    [InlineData("n", false)]
    [InlineData("nope", false)]
    [InlineData("nah", false)]
    [InlineData("no thanks", false)]
    [InlineData("not really", false)]
    [InlineData("no, thank you", false)]
    [InlineData("👎", false)]
    public async Task RecognizeAsync_TypedAnswer_Accepts(string text, bool expected)
    {
        var result = await Confirm.RecognizeAsync(PromptInputs.Text(text), CancellationToken.None);
        Assert.True(result.Succeeded, text);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData(ConfirmPrompt.YesValue, true)]
    [InlineData(ConfirmPrompt.NoValue, false)]
    public async Task RecognizeAsync_TappedButton_Accepts(string value, bool expected)
    {
        var result = await Confirm.RecognizeAsync(PromptInputs.Tap(value), CancellationToken.None);
        Assert.Equal((true, expected), (result.Succeeded, result.Value));
    }

    [Theory]
    [InlineData("Book it", true)]
    [InlineData("book it", true)]
    [InlineData("Not now", false)]
    [InlineData("Keep it", false)]
    public async Task RecognizeAsync_CustomTitles_Accepts(string text, bool expected)
    {
        var prompt = Confirm with { YesTitle = "Book it", NoTitle = "Keep it" };
        var result = await prompt.RecognizeAsync(PromptInputs.Text(text), CancellationToken.None);
        Assert.Equal((true, expected), (result.Succeeded, result.Value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("maybe")]
    [InlineData("yes and no")]
    [InlineData("not sure")]
    [InlineData("I don't know")]
    [InlineData("what?")]
    [InlineData("thanks")]
    [InlineData("yes but tomorrow")]
    [InlineData("🙂")]
    public async Task RecognizeAsync_NotYesOrNo_Rejects(string text)
    {
        var result = await Confirm.RecognizeAsync(PromptInputs.Text(text), CancellationToken.None);
        Assert.False(result.Succeeded, text);
        Assert.Equal("Please answer yes or no.", result.Reason);
    }

    [Fact]
    public async Task RecognizeAsync_ValidatorRejects_ReturnsValidatorReason()
    {
        var prompt = Confirm.Validate(yes => yes ? null : "You need to agree to continue.");
        var result = await prompt.RecognizeAsync(PromptInputs.Text("nope"), CancellationToken.None);
        Assert.Equal((false, "You need to agree to continue."), (result.Succeeded, result.Reason));
    }
}
