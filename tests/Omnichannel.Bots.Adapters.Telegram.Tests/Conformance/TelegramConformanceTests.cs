using Omnichannel.Bots.Adapters.Conformance;

namespace Omnichannel.Bots.Adapters.Telegram.Tests;

/// <summary>Telegram passes the channel adapter conformance suite (its cases are listed by <see cref="AdapterConformance{TDriver}.Cases"/>).</summary>
public sealed class TelegramConformanceTests : AdapterConformance<TelegramConformanceDriver>
{
    protected override Task<TelegramConformanceDriver> StartAsync(ConformanceSetup setup) => TelegramConformanceDriver.StartAsync(setup);
}
