using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Omnichannel.Bots;
using Omnichannel.Bots.Adapters.Sms;
using Omnichannel.Bots.Storage.Sqlite;

namespace Live.Tests.Sms;

/// <summary>
/// The SMS adapter against Twilio's real REST API: the bot's own adapter sends a reply from TWILIO_FROM_NUMBER to
/// TWILIO_TO_NUMBER (a phone you hold; on a trial account, a verified number) and Twilio accepts it with a message SID.
/// Needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER and TWILIO_TO_NUMBER; see README.md. Sends one real SMS.
/// </summary>
public sealed class SmsLiveTests
{
    [Fact]
    public async Task SendAsync_Reply_IsAcceptedByTwilio()
    {
        var settings = LiveEnvironment.Require("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER", "TWILIO_TO_NUMBER");
        var dataDirectory = Directory.CreateTempSubdirectory("omnibot-sms-live-").FullName;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Channels:Sms:Enabled"] = "true",
            ["Channels:Sms:AccountSid"] = settings[0],
            ["Channels:Sms:AuthToken"] = settings[1],
            ["Channels:Sms:FromNumber"] = settings[2],
        });
        builder.Services.AddOmnichannelBot(bot => bot.AddRootDialog<Telegram.TelegramLiveTests.EchoDialog>().AddSqliteStorage().AddSmsChannel());
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            Assert.True(host.Services.GetRequiredService<ChannelRegistry>().TryGet(ChannelId.Sms, out var adapter));
            var reply = new BotMessage
            {
                Id = "live-" + Guid.NewGuid().ToString("N"),
                Channel = ChannelId.Sms,
                Conversation = new ConversationAddress(settings[2], settings[3]),
                Text = "Omnichannel.Bots live test: reply 1 or 2.\n1. Yes\n2. No",
            };

            var receipt = await adapter.SendAsync(reply, CancellationToken.None);

            Assert.StartsWith("SM", receipt.ProviderMessageId, StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
