using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>The transcript records each message's channel; a journey across channels stays one customer with one dialog state.</summary>
public sealed class TranscriptTests
{
    private static readonly TestCustomer Customer = new("jane", Phone: "+15550100777");

    [Fact]
    public async Task Transcript_JourneySwitchesFromSmsToWhatsApp_OneCustomerOneStateEveryRowOnItsChannel()
    {
        await using var bot = await DeliveryBot.StartAsync();

        await new TestConversation(bot, ChannelProfiles.Sms, Customer)
            .Send("where is my parcel").ExpectReply("#1 where is my parcel")
            .Send("order 12345").ExpectReply("#2 order 12345")
            .SwitchTo(ChannelProfiles.WhatsApp)
            .Send("still waiting").ExpectReply("#3 still waiting")
            .Send("thanks").ExpectReply("#4 thanks")
            .RunAsync();

        var db = bot.DatabaseFile();
        Assert.Equal(1, Rows.Count(db, "SELECT COUNT(*) FROM customers"));
        Assert.Equal(2, Rows.Count(db, "SELECT COUNT(*) FROM conversations"));
        Assert.Equal(1, Rows.Count(db, "SELECT COUNT(*) FROM dialog_state"));
        Assert.Equal([4L], Rows.Counts(db));
        var customerId = (string)Rows.Scalar(db, "SELECT id FROM customers")!;
        var journey = await bot.Services.GetRequiredService<ITranscriptStore>().GetByCustomerAsync(customerId, CancellationToken.None);
        Assert.Equal(
            [
                (ChannelId.Sms, MessageDirection.Inbound, "where is my parcel"),
                (ChannelId.Sms, MessageDirection.Outbound, "#1 where is my parcel"),
                (ChannelId.Sms, MessageDirection.Inbound, "order 12345"),
                (ChannelId.Sms, MessageDirection.Outbound, "#2 order 12345"),
                (ChannelId.WhatsApp, MessageDirection.Inbound, "still waiting"),
                (ChannelId.WhatsApp, MessageDirection.Outbound, "#3 still waiting"),
                (ChannelId.WhatsApp, MessageDirection.Inbound, "thanks"),
                (ChannelId.WhatsApp, MessageDirection.Outbound, "#4 thanks"),
            ],
            journey.Select(e => (e.Channel, e.Direction, e.Message.Text)));
        Assert.All(journey, e => Assert.Equal(customerId, e.CustomerId));
        Assert.All(journey, e => Assert.Equal(e.Channel, e.Message.Channel));
        Assert.Equal(2, journey.Select(e => e.ConversationId).Distinct().Count());
    }

    [Fact]
    public async Task Transcript_EveryRow_RecordsTheChannelOfItsConversation()
    {
        await using var bot = await DeliveryBot.StartAsync();
        var channels = new[] { ChannelId.WebChat, ChannelId.Telegram, ChannelId.Messenger, ChannelId.Sms, ChannelId.WhatsApp };
        foreach (var channel in channels)
        {
            await bot.Inbox().SubmitAndWaitAsync(
                DeliveryBot.Message("id-" + channel, "hi on " + channel, channel, conversation: "chat-" + channel, phone: null),
                CancellationToken.None);
        }

        var db = bot.DatabaseFile();
        var rows = Rows.Query(db, "SELECT m.channel, c.channel, m.direction FROM messages m JOIN conversations c ON c.id = m.conversation_id");
        Assert.Equal(channels.Length * 2, rows.Count);
        Assert.All(rows, r => Assert.Equal(r[1], r[0]));
        Assert.Equal(
            channels.Select(c => c.Value).Order(),
            Rows.Query(db, "SELECT channel FROM messages WHERE direction = 'out' ORDER BY channel").Select(r => (string)r[0]!));
        Assert.Equal(0, Rows.Count(db, "SELECT COUNT(*) FROM messages WHERE channel IS NULL OR channel = ''"));
    }
}
