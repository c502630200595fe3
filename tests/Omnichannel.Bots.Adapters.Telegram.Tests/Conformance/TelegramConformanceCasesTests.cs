using Omnichannel.Bots.Adapters.Conformance;

namespace Omnichannel.Bots.Adapters.Telegram.Tests;

/// <summary>What Telegram declares generates exactly the cases that apply to it, none empty and none skipped.</summary>
public sealed class TelegramConformanceCasesTests
{
    [Fact]
    public void Cases_Telegram_CredentialBodyButtonAndProviderErrorCases()
    {
        var cases = ((IEnumerable<object[]>)TelegramConformanceTests.Cases).Select(row => (ConformanceCase)row[0]).ToList();

        Assert.Equal(
            [
                ConformanceCase.MissingCredential_Refused401_NothingStored,
                ConformanceCase.WrongCredential_Refused401_NothingStored,
                ConformanceCase.DuplicateDelivery_OneTurnOneReply,
                ConformanceCase.MalformedBody_Refused400_NothingStored,
                ConformanceCase.OversizedBody_Refused413_NothingStored,
                ConformanceCase.LongReply_SplitWithinTextLimit,
                ConformanceCase.ChoicesOverLimits_ShownWithinLimits_TwoPicksSecond,
                ConformanceCase.Choices_ShownAsButtons_PressingSecondPicksIt,
                ConformanceCase.ProviderTooManyRequests_ResentOnlyAfterRetryAfter,
                ConformanceCase.ProviderUnavailable_ResentOnlyAfterRetryAfter,
                ConformanceCase.ProviderServerError_Resent,
                ConformanceCase.ProviderClientError_NeverResent,
            ],
            cases);
    }

    [Theory]
    [InlineData("plain", 5)]
    [InlineData("<b>bold</b> &amp; <i>it</i>", 9)]
    [InlineData("&lt;b&gt; &quot;q&quot;", 7)]
    [InlineData("&#128512;", 2)]
    [InlineData("<a href=\"https://example.com/?a=1&amp;b=2\">link</a>", 4)]
    public void VisibleLength_TagsRemovedEntitiesDecoded_Utf16Units(string html, int expected) =>
        Assert.Equal(expected, TelegramHtml.VisibleLength(html));
}
