using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Omnichannel.Bots;
using Omnichannel.Bots.Adapters.Telegram;
using Omnichannel.Bots.Storage.Sqlite;
using Telegram.Bot;

namespace Live.Tests.Telegram;

/// <summary>
/// The Telegram adapter against the real Bot API: the token works (getMe), and a reply with buttons reaches a chat
/// (the bot's own adapter sends it, so HTML and the inline keyboard are Telegram's to accept or refuse). Needs
/// TELEGRAM_BOT_TOKEN and TELEGRAM_CHAT_ID (a chat where the user has pressed Start); see README.md.
/// </summary>
public sealed class TelegramLiveTests
{
    [Fact]
    public async Task GetMe_WithTheToken_NamesTheBot()
    {
        var token = LiveEnvironment.Require("TELEGRAM_BOT_TOKEN")[0];
        using var http = new HttpClient();
        var client = new TelegramBotClient(token, http);

        var me = await client.GetMe();

        Assert.True(me.IsBot);
        Assert.Equal(token.Split(':')[0], me.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task SendAsync_ReplyWithButtons_IsAcceptedByTelegram()
    {
        var settings = LiveEnvironment.Require("TELEGRAM_BOT_TOKEN", "TELEGRAM_CHAT_ID");
        var dataDirectory = Directory.CreateTempSubdirectory("omnibot-telegram-live-").FullName;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Channels:Telegram:Enabled"] = "true",
            ["Channels:Telegram:BotToken"] = settings[0],
            ["Channels:Telegram:SecretToken"] = "live-test-secret",
        });
        builder.Services.AddOmnichannelBot(bot => bot.AddRootDialog<EchoDialog>().AddSqliteStorage().AddTelegramChannel());
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            host.Services.GetRequiredService<ChannelRegistry>().TryGet(ChannelId.Telegram, out var adapter);
            var reply = new BotMessage
            {
                Id = "live-" + Guid.NewGuid().ToString("N"),
                Channel = ChannelId.Telegram,
                Conversation = new ConversationAddress(settings[0].Split(':')[0], settings[1]),
                Text = "<b>Omnichannel.Bots live test</b> &amp; an inline keyboard:",
                Choices = [new Choice("yes", "Yes"), new Choice("kb:article:" + new string('x', 80), "A value past 64 bytes")],
            };

            var receipt = await adapter.SendAsync(reply, CancellationToken.None);

            Assert.False(string.IsNullOrEmpty(receipt.ProviderMessageId));
        }
        finally
        {
            await host.StopAsync();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    public sealed class EchoState
    {
    }

    public sealed class EchoDialog : Dialog<EchoState>
    {
        protected override void Define(DialogSteps<EchoState> steps) => steps.Step("echo", async (d, ct) =>
        {
            await d.ReplyAsync("echo", ct);
            return StepResult.End;
        });
    }
}
