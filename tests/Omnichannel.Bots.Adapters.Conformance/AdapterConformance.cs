using System.Diagnostics.CodeAnalysis;

namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>
/// The one conformance suite every channel adapter passes. An adapter's test class derives it with its driver and
/// starts a host in <see cref="StartAsync"/>; xUnit then lists one <see cref="Conformance"/> case per
/// <see cref="ConformanceCase"/> that applies to the adapter (<see cref="ConformanceCases.For"/>, from
/// <see cref="IAdapterDriver.Traits"/>, the profile's buttons and whether the driver is an <see cref="IProviderDriver"/>),
/// so no case is ever skipped.
/// </summary>
/// <example>
/// <code>
/// public sealed class TelegramConformanceTests : AdapterConformance&lt;TelegramConformanceDriver&gt;
/// {
///     protected override Task&lt;TelegramConformanceDriver&gt; StartAsync(ConformanceSetup setup) =&gt; TelegramConformanceDriver.StartAsync(setup);
/// }
/// </code>
/// </example>
/// <typeparam name="TDriver">The adapter's driver.</typeparam>
public abstract class AdapterConformance<TDriver>
    where TDriver : class, IAdapterDriver
{
    /// <summary>The cases that apply to <typeparamref name="TDriver"/>'s adapter (xUnit reads this from the derived class).</summary>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "xUnit's MemberData reads a static member of the test class.")]
    public static TheoryData<ConformanceCase> Cases => [.. ConformanceCases.For(TDriver.Traits, SendsThroughProvider)];

    private static bool SendsThroughProvider => typeof(IProviderDriver).IsAssignableFrom(typeof(TDriver));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Conformance(ConformanceCase @case)
    {
        var traits = TDriver.Traits;
        var setup = new ConformanceSetup(traits.Profile);
        var driver = await StartAsync(setup);
        await using (driver.ConfigureAwait(false))
        {
            await RunAsync(new ConformanceRun(driver, traits, setup), @case);
        }
    }

    /// <summary>
    /// Starts a host with the adapter on <see cref="ConformanceSetup.Clock"/> and the suite's dialog
    /// (<see cref="ConformanceSetup.AddTo"/>), and a driver for it; the suite disposes the driver after the case.
    /// </summary>
    protected abstract Task<TDriver> StartAsync(ConformanceSetup setup);

    private static Task RunAsync(ConformanceRun run, ConformanceCase @case) => @case switch
    {
        ConformanceCase.MissingCredential_Refused401_NothingStored => InboundCases.RefusedCredentialAsync(run, Credential.Missing),
        ConformanceCase.WrongCredential_Refused401_NothingStored => InboundCases.RefusedCredentialAsync(run, Credential.Wrong),
        ConformanceCase.DuplicateDelivery_OneTurnOneReply => InboundCases.DuplicateAsync(run),
        ConformanceCase.MalformedBody_Refused400_NothingStored => InboundCases.MalformedAsync(run),
        ConformanceCase.OversizedBody_Refused413_NothingStored => InboundCases.OversizedAsync(run),
        ConformanceCase.LongReply_SplitWithinTextLimit => RenderingCases.LongReplyAsync(run),
        ConformanceCase.ChoicesOverLimits_ShownWithinLimits_TwoPicksSecond => RenderingCases.OptionsOverLimitsAsync(run),
        ConformanceCase.Choices_ShownAsButtons_PressingSecondPicksIt => RenderingCases.ButtonsAsync(run),
        ConformanceCase.Choices_ShownAsNumberedOptions_TwoPicksSecond => RenderingCases.NumberedOptionsAsync(run),
        ConformanceCase.ProviderTooManyRequests_ResentOnlyAfterRetryAfter => ProviderErrorCases.ResentOnlyAfterRetryAfterAsync(run, 429),
        ConformanceCase.ProviderUnavailable_ResentOnlyAfterRetryAfter => ProviderErrorCases.ResentOnlyAfterRetryAfterAsync(run, 503),
        ConformanceCase.ProviderServerError_Resent => ProviderErrorCases.ResentAsync(run),
        ConformanceCase.ProviderClientError_NeverResent => ProviderErrorCases.NeverResentAsync(run),
        _ => throw new ArgumentOutOfRangeException(nameof(@case), @case, "Not a conformance case."),
    };
}
