using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Omnichannel.Bots;
using Omnichannel.Bots.Adapters.Messenger;
using Omnichannel.Bots.Storage.Sqlite;

namespace Live.Tests.Messenger;

/// <summary>
/// The Messenger adapter against Meta's real Send API: the bot's own adapter shows typing and sends a reply with quick
/// replies to MESSENGER_PSID with MESSENGER_PAGE_ACCESS_TOKEN, and Meta accepts it with a message id. The person must
/// have written to the page within 24 hours (the reply window). See README.md. Sends one real message.
/// </summary>
public sealed class MessengerLiveTests
{
    [Fact]
    public async Task SendAsync_TypingThenReplyWithQuickReplies_AcceptedByTheSendApi()
    {
        var settings = LiveEnvironment.Require("MESSENGER_PAGE_ACCESS_TOKEN", "MESSENGER_PSID");
        var dataDirectory = Directory.CreateTempSubdirectory("omnibot-messenger-live-").FullName;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Channels:Messenger:Enabled"] = "true",
            // The webhook is not called here; the shared settings are still required to start.
            ["Channels:Messenger:AppSecret"] = "live-test-unused",
            ["Channels:Messenger:VerifyToken"] = "live-test-unused",
            ["Channels:Messenger:PageAccessToken"] = settings[0],
        });
        builder.Services.AddOmnichannelBot(bot => bot.AddRootDialog<Telegram.TelegramLiveTests.EchoDialog>().AddSqliteStorage().AddMessengerChannel());
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            Assert.True(host.Services.GetRequiredService<ChannelRegistry>().TryGet(ChannelId.Messenger, out var adapter));
            var chat = new ConversationAddress("me", settings[1]);
            var typing = new BotMessage { Id = "live-typing", Channel = ChannelId.Messenger, Conversation = chat, Kind = MessageKind.Typing };
            await adapter.SendAsync(typing, CancellationToken.None);
            var reply = new BotMessage
            {
                Id = "live-" + Guid.NewGuid().ToString("N"),
                Channel = ChannelId.Messenger,
                Conversation = chat,
                Text = "Omnichannel.Bots live test: pick one.",
                Choices = [new Choice("live:yes", "Yes"), new Choice("live:no", "No")],
                ChoiceStyle = ChoiceStyle.Buttons,
            };

            var receipt = await adapter.SendAsync(reply, CancellationToken.None);

            Assert.StartsWith("m_", receipt.ProviderMessageId, StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
