using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Storage;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>
/// SMS compliance keywords end to end (inbox, turn, reachability, outbox, a recording adapter with the SMS profile), in
/// both modes: the provider answers (Twilio's Advanced Opt-Out; the bot records and stays silent) or the bot answers
/// HELP and confirms an opt-out once and an opt-in. A keyword is the whole message and overrides the dialog.
/// </summary>
public sealed class SmsKeywordTests
{
    private const string Chat = "+15550100007";

    private static readonly ChannelProfile BotAnswers = ChannelProfiles.Sms with
    {
        KeywordReplies = KeywordReplies.Bot,
        KeywordTexts = new KeywordTexts { Help = "Shop Support: reply STOP to opt out, or call 555-0100." },
    };

    [Fact]
    public async Task ProviderMode_StopHelpStart_RecordedSilentlyAndTheDialogNeverSeesThem()
    {
        await using var bot = await StartAsync(ChannelProfiles.Sms);
        var sms = bot.Channel(ChannelId.Sms);

        await SendAsync(bot, "m1", "HELP");
        await SendAsync(bot, "m2", " stop ");
        Assert.NotNull(OptedOutAt(bot));
        await SendAsync(bot, "m3", "START");
        Assert.Null(OptedOutAt(bot));
        await SendAsync(bot, "m4", "cancel my order");
        await Eventually.UntilAsync(() => sms.Sent.Count == 1, "the reply to the ordinary message");

        Assert.Equal("echo: cancel my order", sms.Sent.Single().Text);
        Assert.Single(bot.OutboxRows());
    }

    [Fact]
    public async Task ProviderMode_YesWhileNotOptedOut_IsOrdinaryDialogInput()
    {
        await using var bot = await StartAsync(ChannelProfiles.Sms);
        var sms = bot.Channel(ChannelId.Sms);

        await SendAsync(bot, "m1", "yes");
        await Eventually.UntilAsync(() => sms.Sent.Count == 1, "the dialog's reply to yes");

        Assert.Equal("echo: yes", sms.Sent.Single().Text);
        Assert.Null(OptedOutAt(bot));
    }

    [Fact]
    public async Task ProviderMode_YesWhileOptedOut_OptsBackInSilently()
    {
        await using var bot = await StartAsync(ChannelProfiles.Sms);
        var sms = bot.Channel(ChannelId.Sms);

        await SendAsync(bot, "m1", "STOP");
        await SendAsync(bot, "m2", "Yes");
        Assert.Null(OptedOutAt(bot));
        await SendAsync(bot, "m3", "hello again");
        await Eventually.UntilAsync(() => sms.Sent.Count == 1, "the reply after opting back in");

        Assert.Equal("echo: hello again", sms.Sent.Single().Text);
    }

    [Fact]
    public async Task BotMode_Stop_ConfirmedExactlyOnceThenNothing()
    {
        await using var bot = await StartAsync(BotAnswers);
        var sms = bot.Channel(ChannelId.Sms);

        await SendAsync(bot, "m1", "STOP");
        await Eventually.UntilAsync(() => sms.Sent.Count == 1, "the opt-out confirmation");
        await SendAsync(bot, "m2", "stop");
        await SendAsync(bot, "m3", "where is my order");
        await bot.AdvanceUntilAsync(() => bot.OutboxRows().Count == 2 && (string?)bot.OutboxRows()[1][1] == "failed", "the dialog's reply to be refused");

        var confirmation = sms.Sent.Single();
        Assert.Equal(new KeywordTexts().OptedOut, confirmation.Text);
        Assert.Equal(MessageKind.KeywordReply, confirmation.Kind);
        Assert.Contains("opted out of messages on sms", (string)bot.OutboxRows()[1][3]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotMode_HelpAndYesOptIn_AnsweredWithTheConfiguredTexts()
    {
        await using var bot = await StartAsync(BotAnswers);
        var sms = bot.Channel(ChannelId.Sms);

        await SendAsync(bot, "m1", "info");
        await Eventually.UntilAsync(() => sms.Sent.Count == 1, "the help text");
        await SendAsync(bot, "m2", "QUIT");
        await Eventually.UntilAsync(() => sms.Sent.Count == 2, "the opt-out confirmation");
        await SendAsync(bot, "m3", "yes");
        await Eventually.UntilAsync(() => sms.Sent.Count == 3, "the opt-in confirmation");
        await SendAsync(bot, "m4", "yes");
        await Eventually.UntilAsync(() => sms.Sent.Count == 4, "the dialog's reply to yes, now ordinary input");

        Assert.Equal(
            [BotAnswers.KeywordTexts.Help, BotAnswers.KeywordTexts.OptedOut, BotAnswers.KeywordTexts.OptedIn, "echo: yes"],
            sms.Sent.Select(m => m.Text));
        Assert.Null(OptedOutAt(bot));
    }

    [Theory]
    [InlineData("agent")]
    [InlineData(null)]
    public async Task OptedOut_AgentOrProactiveSend_RefusedWithTheReason(string? sender)
    {
        await using var bot = await StartAsync(BotAnswers);
        var sms = bot.Channel(ChannelId.Sms);
        await SendAsync(bot, "m1", "UNSUBSCRIBE");
        await Eventually.UntilAsync(() => sms.Sent.Count == 1, "the opt-out confirmation");

        var conversationId = (string)Rows.Query(bot.DatabaseFile(), "SELECT id FROM conversations").Single()[0]!;
        var message = new BotMessage
        {
            Id = "outside-1",
            Channel = ChannelId.Sms,
            Conversation = new ConversationAddress("account-1", Chat),
            Sender = sender is null ? null : new Participant(sender, "Ann"),
            Text = "We have news for you",
        };
        var now = bot.Time.GetUtcNow().ToUnixTimeMilliseconds();
        // Queued outside a turn, as the agent desk (HandoffOutbound) and a proactive sender write their rows.
        await using (var db = new SqliteConnection($"Data Source={bot.DatabaseFile()};Pooling=False;Default Timeout=30"))
        {
            await db.OpenAsync();
            await using var insert = db.CreateCommand();
            insert.CommandText =
                "INSERT INTO outbox (conversation_id, inbox_seq, message_id, channel, payload, status, next_attempt_at, created_at) VALUES ($c, 0, 'outside-1', 'sms', $p, 'pending', $t, $t)";
            insert.Parameters.AddWithValue("$c", conversationId);
            insert.Parameters.AddWithValue("$p", StoredJson.Serialize(message));
            insert.Parameters.AddWithValue("$t", now);
            await insert.ExecuteNonQueryAsync();
        }

        bot.Services.GetRequiredService<IOutboxSignal>().Notify();
        await bot.AdvanceUntilAsync(() => (string?)bot.OutboxRows()[^1][1] == "failed", "the outside send to be refused");

        Assert.Single(sms.Sent);
        Assert.Contains("opted out of messages on sms (they sent STOP)", (string)bot.OutboxRows()[^1][3]!, StringComparison.Ordinal);
    }

    private static Task<TestBot> StartAsync(ChannelProfile sms) =>
        TestBot.StartAsync(b => b.AddRootDialog<BurstDialog>(), channels: [sms, ChannelProfiles.WebChat]);

    private static Task SendAsync(TestBot bot, string id, string text) =>
        bot.Inbox().SubmitAndWaitAsync(BurstBot.Message(id, text, ChannelId.Sms, Chat), CancellationToken.None);

    private static object? OptedOutAt(TestBot bot) =>
        Rows.Query(bot.DatabaseFile(), "SELECT opted_out_at FROM conversation_reach").SingleOrDefault()?[0];
}
