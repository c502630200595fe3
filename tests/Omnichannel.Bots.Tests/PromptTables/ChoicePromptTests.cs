namespace Omnichannel.Bots.Tests.PromptTables;

public sealed class ChoicePromptTests
{
    private static readonly ChoicePrompt Reason = Bots.Prompts.Choice(
            "Why are you returning it?",
            new Choice("damaged", "Arrived damaged"),
            new Choice("size", "Wrong size"),
            new Choice("not-as-described", "Not as described"),
            new Choice("changed-mind", "Changed my mind"))
        .WithSynonyms("damaged", "broken", "cracked", "faulty")
        .WithSynonyms("size", "too small", "too big", "doesn't fit")
        .WithSynonyms("not-as-described", "wrong colour", "wrong item");

    [Theory]
    [InlineData("1", "damaged")]
    [InlineData("2", "size")]
    [InlineData("4", "changed-mind")]
    [InlineData(" 3. ", "not-as-described")]
    [InlineData("option 2", "size")]
    [InlineData("number 3", "not-as-described")]
    [InlineData("first", "damaged")]
    [InlineData("the second one", "size")]
    [InlineData("The second one.", "size")]
    [InlineData("2nd", "size")]
    [InlineData("the 3rd", "not-as-described")]
    [InlineData("third option", "not-as-described")]
    [InlineData("fourth", "changed-mind")]
    [InlineData("option two", "size")]
    [InlineData("last", "changed-mind")]
    [InlineData("Wrong size", "size")]
    [InlineData("wrong SIZE!", "size")]
    [InlineData("Arrived damaged", "damaged")]
    [InlineData("changed my mind", "changed-mind")]
    [InlineData("size", "size")]
    [InlineData("damaged", "damaged")]
    [InlineData("not-as-described", "not-as-described")]
    [InlineData("broken", "damaged")]
    [InlineData("Cracked", "damaged")]
    [InlineData("too small", "size")]
    [InlineData("it's too small", "size")]
    [InlineData("it arrived broken", "damaged")]
    [InlineData("they sent the wrong item", "not-as-described")]
    [InlineData("honestly I changed my mind about it", "changed-mind")]
    [InlineData("it doesn't fit", "size")]
    public async Task RecognizeAsync_TypedAnswer_PicksChoice(string text, string expected)
    {
        var result = await Reason.RecognizeAsync(PromptInputs.Text(text), CancellationToken.None);
        Assert.True(result.Succeeded, text);
        Assert.Equal(expected, result.Value.Value);
    }

    [Theory]
    [InlineData("damaged")]
    [InlineData("size")]
    [InlineData("changed-mind")]
    public async Task RecognizeAsync_TappedValue_PicksChoice(string value)
    {
        var result = await Reason.RecognizeAsync(PromptInputs.Tap(value), CancellationToken.None);
        Assert.True(result.Succeeded);
        Assert.Equal(value, result.Value.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("99")]
    [InlineData("fifth")]
    [InlineData("the sixth one")]
    [InlineData("option 7")]
    [InlineData("something else")]
    [InlineData("wrong")]
    [InlineData("it arrived broken and too small")]
    [InlineData("not sure")]
    [InlineData("2 or 3")]
    public async Task RecognizeAsync_NoSingleChoice_Rejects(string text)
    {
        var result = await Reason.RecognizeAsync(PromptInputs.Text(text), CancellationToken.None);
        Assert.False(result.Succeeded, text);
        Assert.Equal("Please pick one of the options.", result.Reason);
    }

    [Fact]
    public async Task RecognizeAsync_UnknownTappedValue_Rejects()
    {
        var result = await Reason.RecognizeAsync(PromptInputs.Tap("refund"), CancellationToken.None);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Extract_SentenceNamingTwoOptions_ReturnsBothInOrder()
    {
        var found = Reason.Extract(PromptInputs.Text("too small and also cracked"));
        Assert.Equal(["size", "damaged"], found.Select(f => f.Value.Value));
    }
}
