namespace Omnichannel.Bots.Tests.PromptTables;

public sealed class EmailPromptTests
{
    private static readonly EmailPrompt Email = Bots.Prompts.Email("What's your email?");

    [Theory]
    [InlineData("jane@example.com", "jane@example.com")]
    [InlineData("Jane@Example.com", "Jane@example.com")]
    [InlineData(" jane.doe+returns@Mail.Example.CO.UK ", "jane.doe+returns@mail.example.co.uk")]
    [InlineData("my email is jane@example.com", "jane@example.com")]
    [InlineData("it's jane@example.com.", "jane@example.com")]
    [InlineData("<jane@example.com>", "jane@example.com")]
    [InlineData("jane@example.com, thanks!", "jane@example.com")]
    [InlineData("jane@example.com or jane@EXAMPLE.com", "jane@example.com")]
    public async Task RecognizeAsync_Address_Accepts(string text, string expected)
    {
        var result = await Email.RecognizeAsync(PromptInputs.Text(text), CancellationToken.None);
        Assert.True(result.Succeeded, text);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("jane")]
    [InlineData("jane@")]
    [InlineData("@x.com")]
    [InlineData("jane@example")]
    [InlineData("jane@example..com")]
    [InlineData("jane..doe@example.com")]
    [InlineData("jane at example dot com")]
    [InlineData("a@example.com or b@example.com")]
    public async Task RecognizeAsync_NotOneAddress_Rejects(string text)
    {
        var result = await Email.RecognizeAsync(PromptInputs.Text(text), CancellationToken.None);
        Assert.False(result.Succeeded, text);
        Assert.Equal("That doesn't look like an email address.", result.Reason);
    }

    [Fact]
    public async Task RecognizeAsync_ValidatorRejects_ReturnsValidatorReason()
    {
        var prompt = Email.Validate(e => e.EndsWith("@example.com", StringComparison.Ordinal) ? null : "Please use your work address.");
        var result = await prompt.RecognizeAsync(PromptInputs.Text("jane@gmail.com"), CancellationToken.None);
        Assert.Equal((false, "Please use your work address."), (result.Succeeded, result.Reason));
    }
}
