namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>
/// One case of the suite. An enum, so xUnit lists each case by its name
/// (<c>Conformance(case: DuplicateDelivery_OneTurnOneReply)</c>); <see cref="ConformanceCases.For"/> says which apply to an adapter.
/// </summary>
public enum ConformanceCase
{
    /// <summary>A request without a signature, secret or token gets 401 and nothing is stored.</summary>
    MissingCredential_Refused401_NothingStored,

    /// <summary>A request with a wrong signature, secret or token gets 401 and nothing is stored.</summary>
    WrongCredential_Refused401_NothingStored,

    /// <summary>The same provider message delivered twice gives one stored message, one turn and one reply.</summary>
    DuplicateDelivery_OneTurnOneReply,

    /// <summary>A body the endpoint cannot read gets 400 and nothing is stored.</summary>
    MalformedBody_Refused400_NothingStored,

    /// <summary>A body one byte over the endpoint's limit gets 413 and nothing is stored.</summary>
    OversizedBody_Refused413_NothingStored,

    /// <summary>A reply longer than the channel's text limit arrives whole, in order, in messages each within the limit.</summary>
    LongReply_SplitWithinTextLimit,

    /// <summary>A prompt with more and longer options than the channel's buttons allow shows every option within the limits, and "2" picks the second.</summary>
    ChoicesOverLimits_ShownWithinLimits_TwoPicksSecond,

    /// <summary>On a channel with buttons: a prompt's options are buttons, and pressing the second reaches the next step with it.</summary>
    Choices_ShownAsButtons_PressingSecondPicksIt,

    /// <summary>On a channel without buttons: a prompt's options are numbered lines, and "2" reaches the next step with the second.</summary>
    Choices_ShownAsNumberedOptions_TwoPicksSecond,

    /// <summary>A send the provider answers 429 with Retry-After is not resent before that wait elapses and is resent after it.</summary>
    ProviderTooManyRequests_ResentOnlyAfterRetryAfter,

    /// <summary>A send the provider answers 503 with Retry-After is not resent before that wait elapses and is resent after it.</summary>
    ProviderUnavailable_ResentOnlyAfterRetryAfter,

    /// <summary>A send the provider answers 500 (no Retry-After) is resent after the outbox's backoff.</summary>
    ProviderServerError_Resent,

    /// <summary>A send the provider answers 400 is never resent, and the conversation's next reply is not held behind it.</summary>
    ProviderClientError_NeverResent,
}
