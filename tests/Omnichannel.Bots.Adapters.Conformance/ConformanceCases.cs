namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>Which cases apply to an adapter, from what it declares: only those are generated, so none is ever skipped.</summary>
public static class ConformanceCases
{
    /// <param name="traits">The adapter's declaration.</param>
    /// <param name="sendsThroughProvider">True when its driver is an <see cref="IProviderDriver"/>.</param>
    public static IReadOnlyList<ConformanceCase> For(AdapterTraits traits, bool sendsThroughProvider)
    {
        ArgumentNullException.ThrowIfNull(traits);
        List<ConformanceCase> cases = [];
        if (traits.Authentication != RequestAuthentication.None)
        {
            cases.Add(ConformanceCase.MissingCredential_Refused401_NothingStored);
            cases.Add(ConformanceCase.WrongCredential_Refused401_NothingStored);
        }

        cases.Add(ConformanceCase.DuplicateDelivery_OneTurnOneReply);
        cases.Add(ConformanceCase.MalformedBody_Refused400_NothingStored);
        cases.Add(ConformanceCase.OversizedBody_Refused413_NothingStored);
        cases.Add(ConformanceCase.LongReply_SplitWithinTextLimit);
        cases.Add(ConformanceCase.ChoicesOverLimits_ShownWithinLimits_TwoPicksSecond);
        cases.Add(traits.Profile.Capabilities.SupportsButtons
            ? ConformanceCase.Choices_ShownAsButtons_PressingSecondPicksIt
            : ConformanceCase.Choices_ShownAsNumberedOptions_TwoPicksSecond);
        if (sendsThroughProvider)
        {
            if (traits.ProviderSendsRetryAfter)
            {
                cases.Add(ConformanceCase.ProviderTooManyRequests_ResentOnlyAfterRetryAfter);
                cases.Add(ConformanceCase.ProviderUnavailable_ResentOnlyAfterRetryAfter);
            }

            cases.Add(ConformanceCase.ProviderServerError_Resent);
            cases.Add(ConformanceCase.ProviderClientError_NeverResent);
        }

        return cases;
    }
}
