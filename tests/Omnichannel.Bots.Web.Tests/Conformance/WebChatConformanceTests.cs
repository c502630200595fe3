using Omnichannel.Bots.Adapters.Conformance;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>Web chat passes the channel adapter conformance suite (its cases are listed by <see cref="AdapterConformance{TDriver}.Cases"/>).</summary>
public sealed class WebChatConformanceTests : AdapterConformance<WebChatConformanceDriver>
{
    protected override Task<WebChatConformanceDriver> StartAsync(ConformanceSetup setup) => WebChatConformanceDriver.StartAsync(setup);
}
