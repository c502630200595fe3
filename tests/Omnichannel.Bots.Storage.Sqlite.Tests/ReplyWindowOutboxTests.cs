using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>
/// The outbox keeps each sender's window on the real WhatsApp and Messenger profiles: the bot's free-form messages
/// within 24 hours, a template after them, a human agent's Messenger message for 7 days (handed to the adapter with
/// <see cref="SendWindow.HumanAgent"/>), a late retry refused with the reason on its row, and the provider's own window
/// refusal recorded in the policy's words.
/// </summary>
public sealed class ReplyWindowOutboxTests
{
    private static readonly Participant Agent = new("agent-7f3a", "Alice");

    [Fact]
    public async Task Send_WhatsAppFreeFormAt24HoursLess1Second_SentAt24HoursPlus1SecondRefused_ATemplateStillGoes()
    {
        await using var bot = await BurstBot.StartAsync();
        var whatsApp = bot.Channel(ChannelId.WhatsApp);
        var conversation = await CustomerWroteAsync(bot, ChannelId.WhatsApp, whatsApp);
        var proactive = bot.Services.GetRequiredService<IProactiveMessenger>();

        bot.Time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        var within = await proactive.SendAsync(conversation, new ProactiveMessage("Are you still there?"), CancellationToken.None);
        Assert.Equal(ProactiveOutcome.Queued, within.Outcome);
        await Eventually.UntilAsync(() => whatsApp.Sent.Count == 2, "the free-form message within the window");

        bot.Time.Advance(TimeSpan.FromSeconds(2));
        var after = await proactive.SendAsync(conversation, new ProactiveMessage("Hello again!"), CancellationToken.None);
        Assert.Equal(ProactiveOutcome.Refused, after.Outcome);
        Assert.Equal(ReachProblemKind.ReplyWindowClosed, after.Problem!.Kind);
        Assert.Contains("send an approved message template", after.Problem.Message, StringComparison.Ordinal);
        Assert.Equal(2, bot.OutboxRows().Count);

        var template = new MessageTemplate("order_update", "en_US") { BodyParameters = ["12345"] };
        var sent = await proactive.SendAsync(conversation, ProactiveMessage.ForTemplate(template, "Your order 12345 has shipped."), CancellationToken.None);
        Assert.Equal(ProactiveOutcome.Queued, sent.Outcome);
        await Eventually.UntilAsync(() => whatsApp.Sent.Count == 3, "the template after the window");

        var delivered = whatsApp.Sent.Last();
        Assert.Equal(("order_update", "en_US", "12345"), (delivered.Template?.Name, delivered.Template?.Language, delivered.Template?.BodyParameters.Single()));
        Assert.Equal(SendWindow.Standard, delivered.Window);
        Assert.Equal("Your order 12345 has shipped.", delivered.Text);
    }

    [Fact]
    public async Task Send_Messenger_BotRefusedAtDay2_AgentSentAtDay6InTheHumanAgentWindow_AgentRefusedAtDay8()
    {
        await using var bot = await BurstBot.StartAsync();
        var messenger = bot.Channel(ChannelId.Messenger);
        var conversation = await CustomerWroteAsync(bot, ChannelId.Messenger, messenger);
        var proactive = bot.Services.GetRequiredService<IProactiveMessenger>();

        bot.Time.Advance(TimeSpan.FromDays(2));
        var fromBot = await proactive.SendAsync(conversation, new ProactiveMessage("We miss you"), CancellationToken.None);
        Assert.Equal(ReachProblemKind.ReplyWindowClosed, fromBot.Problem?.Kind);
        Assert.StartsWith("messenger's 24-hour reply window closed at 2026-03-19 10:00 UTC", fromBot.Problem!.Message, StringComparison.Ordinal);

        bot.Time.Advance(TimeSpan.FromDays(4));
        var day6 = await proactive.SendAsync(conversation, new ProactiveMessage("Your refund went through.") { Sender = Agent }, CancellationToken.None);
        Assert.Equal(ProactiveOutcome.Queued, day6.Outcome);
        await Eventually.UntilAsync(() => messenger.Sent.Count == 2, "the agent's message on day 6");
        var delivered = messenger.Sent.Last();
        Assert.Equal((SendWindow.HumanAgent, "agent-7f3a"), (delivered.Window, delivered.Sender?.Id));
        Assert.Equal(SendWindow.Standard, messenger.Sent.First().Window);

        bot.Time.Advance(TimeSpan.FromDays(2));
        var day8 = await proactive.SendAsync(conversation, new ProactiveMessage("Anything else?") { Sender = Agent }, CancellationToken.None);
        Assert.Equal(ProactiveOutcome.Refused, day8.Outcome);
        Assert.Equal(
            "messenger's 7-day human agent window closed at 2026-03-25 10:00 UTC (7 days after the customer's last message); an agent's reply is refused until the customer writes again.",
            day8.Problem!.Message);
    }

    [Fact]
    public async Task Send_MessengerAgentRetryDuePastTheHumanAgentWindow_RefusedWithTheReasonOnTheRow()
    {
        await using var bot = await BurstBot.StartAsync();
        var messenger = bot.Channel(ChannelId.Messenger);
        var conversation = await CustomerWroteAsync(bot, ChannelId.Messenger, messenger);
        var proactive = bot.Services.GetRequiredService<IProactiveMessenger>();
        var attempts = 0;
        messenger.FailNext = _ =>
        {
            Interlocked.Increment(ref attempts);
            return new ChannelSendException("(#2) Service temporarily unavailable", isTransient: true, retryAfter: TimeSpan.FromHours(2));
        };

        bot.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromHours(1));
        await proactive.SendAsync(conversation, new ProactiveMessage("Your refund went through.") { Sender = Agent }, CancellationToken.None);
        await Eventually.UntilAsync(() => (long)bot.OutboxRows().Last()[2]! == 1, "the first attempt's retry to be scheduled");
        messenger.FailNext = null;
        bot.Time.Advance(TimeSpan.FromHours(2));
        await bot.AdvanceUntilAsync(() => (string?)bot.OutboxRows().Last()[1] == "failed", "the retry to be refused");

        Assert.Equal(1, attempts);
        Assert.Single(messenger.Sent);
        Assert.StartsWith("messenger's 7-day human agent window closed at 2026-03-25 10:00 UTC", (string)bot.OutboxRows().Last()[3]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ProviderSaysTheWindowClosed_RowFailedOnceWithThePolicysWords()
    {
        await using var bot = await BurstBot.StartAsync();
        var whatsApp = bot.Channel(ChannelId.WhatsApp);
        var attempts = 0;
        whatsApp.FailNext = _ =>
        {
            Interlocked.Increment(ref attempts);
            return ChannelSendException.ReplyWindowClosed("(#131047) Re-engagement message", "131047");
        };

        await bot.Inbox().SubmitAndWaitAsync(BurstBot.Message("m1", "hello", ChannelId.WhatsApp, "+15550100001"), CancellationToken.None);
        await Eventually.UntilAsync(() => (string?)bot.OutboxRows().Single()[1] == "failed", "the provider's refusal to fail the row");

        Assert.Equal(1, attempts);
        Assert.Equal(ReachProblem.ReplyWindowClosed(ChannelProfiles.WhatsApp, TestBot.DefaultStart).Message + " (The provider refused it: code 131047.)", bot.OutboxRows().Single()[3]);
        Assert.Equal("failed", Rows.Scalar(bot.DatabaseFile(), "SELECT delivery_status FROM outbox"));
    }

    /// <summary>The customer writes "hello" on <paramref name="channel"/> at the bot's start; returns the conversation id once the echo went out.</summary>
    private static async Task<string> CustomerWroteAsync(TestBot bot, ChannelId channel, RecordingChannelAdapter adapter)
    {
        await bot.Inbox().SubmitAndWaitAsync(BurstBot.Message("m1", "hello", channel, "+15550100001"), CancellationToken.None);
        await Eventually.UntilAsync(() => adapter.Sent.Count == 1, "the bot's echo");
        return (string)Rows.Scalar(bot.DatabaseFile(), "SELECT id FROM conversations WHERE channel = @p1", channel.Value)!;
    }
}
