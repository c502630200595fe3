using Omnichannel.Bots.Adapters.Conformance;

namespace Omnichannel.Bots.Adapters.Messenger.Tests;

/// <summary>Messenger passes the channel adapter conformance suite (its cases are listed by <see cref="AdapterConformance{TDriver}.Cases"/>).</summary>
public sealed class MessengerConformanceTests : AdapterConformance<MessengerConformanceDriver>
{
    protected override Task<MessengerConformanceDriver> StartAsync(ConformanceSetup setup) => MessengerConformanceDriver.StartAsync(setup);
}
