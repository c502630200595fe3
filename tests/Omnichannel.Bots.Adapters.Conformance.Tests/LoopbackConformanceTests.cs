namespace Omnichannel.Bots.Adapters.Conformance.Tests;

/// <summary>The suite against the loopback channel: signatures, numbered options and every provider error case.</summary>
public sealed class LoopbackConformanceTests : AdapterConformance<LoopbackConformanceDriver>
{
    protected override Task<LoopbackConformanceDriver> StartAsync(ConformanceSetup setup) => LoopbackConformanceDriver.StartAsync(setup);
}
