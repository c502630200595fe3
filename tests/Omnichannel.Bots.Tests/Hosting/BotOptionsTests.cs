using Microsoft.Extensions.Options;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Tests.Hosting;

public sealed class BotOptionsTests
{
    [Theory]
    [InlineData("locale", "Bot:DefaultLocale 'xx-NOPE'")]
    [InlineData("region", "Bot:DefaultPhoneRegion 'ZZ'")]
    [InlineData("zone", "Bot:TimeZone 'Mars/Olympus'")]
    [InlineData("retention", "InboxRetention")]
    [InlineData("attempts", "MaxTurnAttempts")]
    [InlineData("poll", "RequeuePollInterval")]
    public async Task StartAsync_InvalidSetting_FailsNamingTheKey(string setting, string expected)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestBot.StartAsync(b => b
            .AddRootDialog<Dialogs.OrderDialog>()
            .Configure(o =>
            {
                switch (setting)
                {
                    case "locale": o.DefaultLocale = "xx-NOPE"; break;
                    case "region": o.DefaultPhoneRegion = "ZZ"; break;
                    case "zone": o.TimeZone = "Mars/Olympus"; break;
                    case "attempts": o.MaxTurnAttempts = 0; break;
                    case "poll": o.RequeuePollInterval = TimeSpan.Zero; break;
                    default: o.InboxRetention = TimeSpan.FromDays(1); break;
                }
            })));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_NoRootDialog_SaysHowToAddOne()
    {
        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => TestBot.StartAsync(_ => { }));
        Assert.Contains("AddRootDialog", error.Message, StringComparison.Ordinal);
    }
}
