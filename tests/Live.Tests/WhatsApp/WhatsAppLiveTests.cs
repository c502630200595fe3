using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Omnichannel.Bots;
using Omnichannel.Bots.Adapters.WhatsApp;
using Omnichannel.Bots.Storage.Sqlite;

namespace Live.Tests.WhatsApp;

/// <summary>
/// The WhatsApp adapter against Meta's real Graph API: the bot's own adapter sends the <c>hello_world</c> template
/// (en_US, which every test number has) from WHATSAPP_PHONE_NUMBER_ID to WHATSAPP_TO (a phone you hold, added as a
/// recipient of the test number) and Meta accepts it with a wamid. Needs WHATSAPP_ACCESS_TOKEN,
/// WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_TO; see README.md. Sends one real WhatsApp message.
/// </summary>
public sealed class WhatsAppLiveTests
{
    [Fact]
    public async Task SendAsync_HelloWorldTemplate_IsAcceptedByMeta()
    {
        var settings = LiveEnvironment.Require("WHATSAPP_ACCESS_TOKEN", "WHATSAPP_PHONE_NUMBER_ID", "WHATSAPP_TO");
        var dataDirectory = Directory.CreateTempSubdirectory("omnibot-whatsapp-live-").FullName;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Channels:WhatsApp:Enabled"] = "true",
            ["Channels:WhatsApp:AccessToken"] = settings[0],
            ["Channels:WhatsApp:PhoneNumberId"] = settings[1],
            // Only the webhook checks these; sending needs the token and the number.
            ["Channels:WhatsApp:AppSecret"] = "unused-by-sending",
            ["Channels:WhatsApp:VerifyToken"] = "unused-by-sending",
        });
        builder.Services.AddOmnichannelBot(bot => bot.AddRootDialog<Telegram.TelegramLiveTests.EchoDialog>().AddSqliteStorage().AddWhatsAppChannel());
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            Assert.True(host.Services.GetRequiredService<ChannelRegistry>().TryGet(ChannelId.WhatsApp, out var adapter));
            var message = new BotMessage
            {
                Id = "live-" + Guid.NewGuid().ToString("N"),
                Channel = ChannelId.WhatsApp,
                Conversation = new ConversationAddress(settings[1], settings[2].TrimStart('+')),
                Text = "Hello World",
                Template = new MessageTemplate("hello_world", "en_US"),
            };

            var receipt = await adapter.SendAsync(message, CancellationToken.None);

            Assert.StartsWith("wamid.", receipt.ProviderMessageId, StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
