using Omnichannel.Bots.Recognizers;

namespace Omnichannel.Bots.Tests.Recognizers;

public sealed class PhoneRecognizerTests
{
    [Theory]
    [InlineData("+44 20 7946 0000", "US", "+442079460000")]
    [InlineData("+442079460000", "US", "+442079460000")]
    [InlineData("00 44 20 7946 0000", "US", "+442079460000")]
    [InlineData("0044 20 7946 0000", "DE", "+442079460000")]
    [InlineData("020 7946 0000", "GB", "+442079460000")]
    [InlineData("+44 (0)20 7946 0000", "US", "+442079460000")]
    [InlineData("(650) 253-0000", "US", "+16502530000")]
    [InlineData("650-253-0000", "US", "+16502530000")]
    [InlineData("650.253.0000", "US", "+16502530000")]
    [InlineData("6502530000", "US", "+16502530000")]
    [InlineData("1 650 253 0000", "US", "+16502530000")]
    [InlineData("+1 (650) 253-0000", "GB", "+16502530000")]
    [InlineData("011 44 20 7946 0000", "US", "+442079460000")]
    [InlineData("07911 123456", "GB", "+447911123456")]
    [InlineData("030 123456", "DE", "+4930123456")]
    [InlineData("  +49 30 123456  ", "US", "+4930123456")]
    [InlineData("(650) 253-0000", "us", "+16502530000")]
    public void TryParse_ValidNumber_ReturnsE164(string text, string region, string expected)
    {
        Assert.True(PhoneRecognizer.TryParse(text, region, out var e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData(null, "US")]
    [InlineData("", "US")]
    [InlineData("12345", "US")]
    [InlineData("253-0000", "US")]
    [InlineData("123", "GB")]
    [InlineData("1-800-FLOWERS", "US")]
    [InlineData("650 253 0000 ext 12", "US")]
    [InlineData("call me", "US")]
    [InlineData("(000) 000-0000", "US")]
    [InlineData("+1 555 0100 1234 5678 9", "US")]
    [InlineData("+99 123 456 7890", "US")]
    [InlineData("650 253 0000", "ZZ")]
    [InlineData("650 253 0000", "")]
    [InlineData("+44 20 7946 000", "US")]
    [InlineData("jane@example.com", "US")]
    public void TryParse_NotAValidNumber_ReturnsFalse(string? text, string region) =>
        Assert.False(PhoneRecognizer.TryParse(text, region, out _));

    [Theory]
    [InlineData("call me on (650) 253-0000 please", "+16502530000", 11, 14)]
    [InlineData("my number is +44 20 7946 0000.", "+442079460000", 13, 16)]
    [InlineData("try 00 44 20 7946 0000 after six", "+442079460000", 4, 18)]
    [InlineData("650-253-0000", "+16502530000", 0, 12)]
    public void FindAll_NumberInText_ReturnsE164WithSpan(string text, string expected, int start, int length)
    {
        var found = Assert.Single(PhoneRecognizer.FindAll(text, "US"));
        Assert.Equal(new Recognized<string>(expected, start, length), found);
    }

    [Theory]
    [InlineData("my order 12345 hasn't arrived")]
    [InlineData("23456, it arrived broken")]
    [InlineData("order 1234567")]
    [InlineData("call 1-800-FLOWERS")]
    [InlineData("no phone here")]
    [InlineData("")]
    public void FindAll_NoPhone_ReturnsNone(string text) => Assert.Empty(PhoneRecognizer.FindAll(text, "US"));
}
