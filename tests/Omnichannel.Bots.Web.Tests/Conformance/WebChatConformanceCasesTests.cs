using Omnichannel.Bots.Adapters.Conformance;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>What web chat declares generates exactly the cases that apply to it, none empty and none skipped.</summary>
public sealed class WebChatConformanceCasesTests
{
    [Fact]
    public void Cases_WebChat_CredentialBodyAndButtonCasesWithoutProviderErrors()
    {
        var cases = ((IEnumerable<object[]>)WebChatConformanceTests.Cases).Select(row => (ConformanceCase)row[0]).ToList();

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
            ],
            cases);
    }
}
