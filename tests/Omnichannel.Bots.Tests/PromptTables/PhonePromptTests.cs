namespace Omnichannel.Bots.Tests.PromptTables;

public sealed class PhonePromptTests
{
    private static readonly PhonePrompt Phone = Bots.Prompts.Phone("What's your number?");

    [Theory]
    [InlineData("(650) 253-0000", "US", "+16502530000")]
    [InlineData("650-253-0000", "US", "+16502530000")]
    [InlineData("6502530000", "US", "+16502530000")]
    [InlineData("+1 650 253 0000", "GB", "+16502530000")]
    [InlineData("+44 20 7946 0000", "US", "+442079460000")]
    [InlineData("00 44 20 7946 0000", "US", "+442079460000")]
    [InlineData("020 7946 0000", "GB", "+442079460000")]
    [InlineData("07911 123456", "GB", "+447911123456")]
    [InlineData("call me on (650) 253-0000", "US", "+16502530000")]
    [InlineData("my number is +44 20 7946 0000.", "US", "+442079460000")]
    public async Task RecognizeAsync_ValidNumber_AcceptsAsE164(string text, string region, string expected)
    {
        var result = await Phone.RecognizeAsync(PromptInputs.Text(text, region: region), CancellationToken.None);
        Assert.True(result.Succeeded, text);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("my order 12345")]
    [InlineData("253-0000")]
    [InlineData("1-800-FLOWERS")]
    [InlineData("call me")]
    [InlineData("(000) 000-0000")]
    [InlineData("+44 20 7946 000")]
    [InlineData("(650) 253-0000 or (650) 253-0001")]
    public async Task RecognizeAsync_NotOneValidNumber_Rejects(string text)
    {
        var result = await Phone.RecognizeAsync(PromptInputs.Text(text), CancellationToken.None);
        Assert.False(result.Succeeded, text);
        Assert.Equal("That doesn't look like a phone number. Please include the country code, like +44 20 7946 0000.", result.Reason);
    }

    [Theory]
    [InlineData("020 7946 0000", "+442079460000")]
    [InlineData("(650) 253-0000", null)]
    public async Task RecognizeAsync_InRegion_OverridesTheBotsRegion(string text, string? expected)
    {
        var result = await Phone.InRegion("gb").RecognizeAsync(PromptInputs.Text(text, region: "US"), CancellationToken.None);
        Assert.Equal(expected is not null, result.Succeeded);
        if (expected is not null)
        {
            Assert.Equal(expected, result.Value);
        }
    }
}
