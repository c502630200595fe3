namespace Omnichannel.Bots.Adapters.Conformance.Tests;

/// <summary>Which cases a declaration generates: only the applicable ones, each once, never an empty theory.</summary>
public sealed class ConformanceCasesTests
{
    public static TheoryData<string> ShippedChannels => [.. ChannelProfiles.All.Select(p => p.Channel.Value)];

    [Theory]
    [MemberData(nameof(ShippedChannels))]
    public void For_EveryShippedProfileAndDeclaration_CasesApplyAndNoneRepeats(string channel)
    {
        var profile = ChannelProfiles.All.Single(p => p.Channel.Value == channel);
        foreach (var authentication in Enum.GetValues<RequestAuthentication>())
        {
            foreach (var provider in new[] { false, true })
            {
                var cases = ConformanceCases.For(new AdapterTraits { Profile = profile, Authentication = authentication, MaxBodyBytes = 1024 }, provider);

                Assert.NotEmpty(cases);
                Assert.Equal(cases.Count, cases.Distinct().Count());
                Assert.Equal(authentication != RequestAuthentication.None, cases.Contains(ConformanceCase.WrongCredential_Refused401_NothingStored));
                Assert.Equal(provider, cases.Contains(ConformanceCase.ProviderTooManyRequests_ResentOnlyAfterRetryAfter));
                Assert.Equal(profile.Capabilities.SupportsButtons, cases.Contains(ConformanceCase.Choices_ShownAsButtons_PressingSecondPicksIt));
                Assert.Equal(!profile.Capabilities.SupportsButtons, cases.Contains(ConformanceCase.Choices_ShownAsNumberedOptions_TwoPicksSecond));
            }
        }
    }

    [Fact]
    public void For_ProviderWithoutRetryAfter_NoRetryAfterCasesButTheOtherProviderCases()
    {
        var traits = new AdapterTraits { Profile = ChannelProfiles.WhatsApp, Authentication = RequestAuthentication.Signature, MaxBodyBytes = 1024, ProviderSendsRetryAfter = false };

        var cases = ConformanceCases.For(traits, sendsThroughProvider: true);

        Assert.DoesNotContain(ConformanceCase.ProviderTooManyRequests_ResentOnlyAfterRetryAfter, cases);
        Assert.DoesNotContain(ConformanceCase.ProviderUnavailable_ResentOnlyAfterRetryAfter, cases);
        Assert.Contains(ConformanceCase.ProviderServerError_Resent, cases);
        Assert.Contains(ConformanceCase.ProviderClientError_NeverResent, cases);
    }

    [Fact]
    public void Cases_LoopbackDriver_EveryCaseButButtonsApplies()
    {
        var cases = ((IEnumerable<object[]>)LoopbackConformanceTests.Cases).Select(row => (ConformanceCase)row[0]).ToList();

        Assert.Equal(Enum.GetValues<ConformanceCase>().Where(c => c != ConformanceCase.Choices_ShownAsButtons_PressingSecondPicksIt), cases);
    }

    [Theory]
    [MemberData(nameof(ShippedChannels))]
    public void Script_EveryShippedProfile_GoesPastItsLimits(string channel)
    {
        var capabilities = ChannelProfiles.All.Single(p => p.Channel.Value == channel).Capabilities;
        var script = new ConformanceScript(ChannelProfiles.All.Single(p => p.Channel.Value == channel));

        Assert.True(script.LongAnswer.Length > 2 * capabilities.MaxTextLength);
        Assert.True(script.ManyOptions.Count > capabilities.MaxButtons);
        Assert.All(script.ManyOptions, o => Assert.True(o.Title.Length > Math.Min(capabilities.MaxButtonTitleLength, 99)));
        Assert.Equal(script.ManyOptions.Count, script.ManyOptions.Select(o => o.Title).Distinct().Count());
    }
}
