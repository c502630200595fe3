using Omnichannel.Bots.Adapters.Conformance;

namespace Omnichannel.Bots.Adapters.Sms.Tests;

/// <summary>SMS passes the channel adapter conformance suite (its cases are listed by <see cref="AdapterConformance{TDriver}.Cases"/>).</summary>
public sealed class SmsConformanceTests : AdapterConformance<SmsConformanceDriver>
{
    protected override Task<SmsConformanceDriver> StartAsync(ConformanceSetup setup) => SmsConformanceDriver.StartAsync(setup);
}
