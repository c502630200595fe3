namespace Omnichannel.Bots.Tests.Dialogs;

public sealed class ChoiceValueTests
{
    [Theory]
    [InlineData("kb", "article", "shipping-times", "kb:article:shipping-times")]
    [InlineData("handoff", "person", null, "handoff:person")]
    [InlineData("handoff", "csat", "4", "handoff:csat:4")]
    [InlineData("app", "link", "a:b", "app:link:a:b")]
    public void ToString_ThenTryParse_RoundTrips(string owner, string kind, string? argument, string expected)
    {
        var value = new ChoiceValue(owner, kind, argument);

        Assert.Equal(expected, value.ToString());
        Assert.True(ChoiceValue.TryParse(expected, out var parsed));
        Assert.Equal(value, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Track an order")]
    [InlineData(":person")]
    [InlineData("kb:")]
    [InlineData("two words:kind")]
    public void TryParse_NotATypedValue_False(string? value) => Assert.False(ChoiceValue.TryParse(value, out _));

    [Fact]
    public void ToString_OwnerWithTheSeparator_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new ChoiceValue("a:b", "kind").ToString());
}
