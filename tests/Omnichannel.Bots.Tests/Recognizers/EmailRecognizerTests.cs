using Omnichannel.Bots.Recognizers;

namespace Omnichannel.Bots.Tests.Recognizers;

public sealed class EmailRecognizerTests
{
    [Theory]
    [InlineData("jane@example.com", "jane@example.com")]
    [InlineData("  jane@example.com  ", "jane@example.com")]
    [InlineData("Jane@Example.COM", "Jane@example.com")]
    [InlineData("jane.doe@example.co.uk", "jane.doe@example.co.uk")]
    [InlineData("jane+returns@example.com", "jane+returns@example.com")]
    [InlineData("jane_doe-99@mail.example-shop.io", "jane_doe-99@mail.example-shop.io")]
    [InlineData("o'brien@example.ie", "o'brien@example.ie")]
    [InlineData("j@x.io", "j@x.io")]
    [InlineData("josé@exämple.de", "josé@exämple.de")]
    [InlineData("info@xn--bcher-kva.example", "info@xn--bcher-kva.example")]
    public void TryParse_Address_ReturnsNormalised(string text, string expected)
    {
        Assert.True(EmailRecognizer.TryParse(text, out var email));
        Assert.Equal(expected, email);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("jane")]
    [InlineData("jane@")]
    [InlineData("@x.com")]
    [InlineData("@")]
    [InlineData("jane@example")]
    [InlineData("jane@example.")]
    [InlineData("jane@.com")]
    [InlineData("jane@example..com")]
    [InlineData("jane..doe@example.com")]
    [InlineData(".jane@example.com")]
    [InlineData("jane.@example.com")]
    [InlineData("jane doe@example.com")]
    [InlineData("jane@exa mple.com")]
    [InlineData("jane@@example.com")]
    [InlineData("jane@example@example.com")]
    [InlineData("jane@example.c")]
    [InlineData("jane@example.123")]
    [InlineData("jane@-example.com")]
    [InlineData("jane@example-.com")]
    [InlineData("jane@example.com.")]
    [InlineData("it's jane@example.com")]
    public void TryParse_NotAnAddress_ReturnsFalse(string? text) =>
        Assert.False(EmailRecognizer.TryParse(text, out _));

    [Fact]
    public void TryParse_LocalPartOver64Characters_ReturnsFalse() =>
        Assert.False(EmailRecognizer.TryParse(new string('a', 65) + "@example.com", out _));

    [Theory]
    [InlineData("it's jane@example.com.", "jane@example.com", 5, 16)]
    [InlineData("my email is Jane@Example.com, thanks", "Jane@example.com", 12, 16)]
    [InlineData("<jane@example.com>", "jane@example.com", 1, 16)]
    [InlineData("(jane@example.com)", "jane@example.com", 1, 16)]
    [InlineData("mailto:jane@example.com", "jane@example.com", 7, 16)]
    [InlineData("send to jane@example.co.uk!", "jane@example.co.uk", 8, 18)]
    [InlineData("\"jane@example.com\"", "jane@example.com", 1, 16)]
    public void FindAll_AddressInText_ReturnsItWithoutPunctuation(string text, string expected, int start, int length)
    {
        var found = Assert.Single(EmailRecognizer.FindAll(text));
        Assert.Equal(new Recognized<string>(expected, start, length), found);
    }

    [Theory]
    [InlineData("jane@example")]
    [InlineData("email me at jane@")]
    [InlineData("ask @support.team")]
    [InlineData("jane..doe@example.com")]
    [InlineData("jane@example..com")]
    [InlineData("no address here")]
    public void FindAll_NoAddress_ReturnsNone(string text) => Assert.Empty(EmailRecognizer.FindAll(text));

    [Fact]
    public void FindAll_TwoAddresses_ReturnsBoth() =>
        Assert.Equal(
            ["a@example.com", "b@example.org"],
            EmailRecognizer.FindAll("a@example.com or b@EXAMPLE.org").Select(f => f.Value));
}
