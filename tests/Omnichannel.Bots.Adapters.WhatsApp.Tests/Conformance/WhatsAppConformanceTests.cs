using Omnichannel.Bots.Adapters.Conformance;

namespace Omnichannel.Bots.Adapters.WhatsApp.Tests;

/// <summary>WhatsApp passes the channel adapter conformance suite (its cases are listed by <see cref="AdapterConformance{TDriver}.Cases"/>).</summary>
public sealed class WhatsAppConformanceTests : AdapterConformance<WhatsAppConformanceDriver>
{
    protected override Task<WhatsAppConformanceDriver> StartAsync(ConformanceSetup setup) => WhatsAppConformanceDriver.StartAsync(setup);
}
