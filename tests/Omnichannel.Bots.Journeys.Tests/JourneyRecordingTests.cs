using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Handoff;
using Omnichannel.Bots.Handoff.Desk;
using Omnichannel.Bots.Journeys.Storage;
using Omnichannel.Bots.Storage.Sqlite;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Journeys.Tests;

/// <summary>Journey events written by real turns and desk changes, and the metrics they give.</summary>
public sealed class JourneyRecordingTests
{
    private const string AllEvents = "SELECT id, customer_id, at, kind, channel, ticket_id, agent_id, slot, score, count FROM journey_events ORDER BY id";

    private static readonly AgentIdentity Alice = new("alice", "Alice", []);
    private static readonly HandoffTexts Texts = new();

    private static Task<TestBot> StartAsync() =>
        TestBot.StartAsync(b => b.AddHandoff(o => o.WatchForChanges = false).AddJourneys().AddRootDialog<RefundDialog>());

    private static List<JourneyEvent> Events(TestBot bot) =>
        bot.Services.GetRequiredService<SqliteDatabase>().Read(db => JourneyEventRows.Read(db, AllEvents));

    private static Task<JourneyMetrics> MetricsAsync(TestBot bot) =>
        bot.Services.GetRequiredService<IJourneyMetrics>().ComputeAsync(TestBot.DefaultStart.AddHours(-1), TestBot.DefaultStart.AddDays(1), CancellationToken.None);

    [Fact]
    public async Task FormStartedOnWhatsAppFinishedOnSms_SwitchSlotsAndBotResolutionAreRecorded()
    {
        await using var bot = await StartAsync();

        await new TestConversation(bot, ChannelProfiles.WhatsApp, new TestCustomer("c1", Phone: "+15551230001"))
            .Send("refund for order 12345").ExpectReplyContaining("email")
            .SwitchTo(ChannelProfiles.Sms)
            .Send("me@example.com").ExpectReplyContaining("Welcome back! On WhatsApp").ExpectReply(RefundDialog.Started)
            .RunAsync();

        Assert.Equal(
            [
                "message-in whatsapp ", "slot-given whatsapp order-number", "slot-asked whatsapp email", "bot-messages whatsapp ",
                "message-in sms ", "channel-switch sms ", "slot-given sms email", "resolved sms ", "bot-messages sms ",
            ],
            Events(bot).Select(e => $"{JourneyEventKinds.Text(e.Kind)} {e.Channel} {e.Slot}"));
        var journey = Assert.Single((await MetricsAsync(bot)).JourneyList);
        Assert.Equal((JourneyResolver?)JourneyResolver.Bot, journey.ResolvedBy);
        Assert.Equal(["whatsapp", "sms"], journey.Channels);
        Assert.Equal((1, 1), (journey.Transitions, journey.PreservedTransitions));
    }

    [Fact]
    public async Task HandoffResolvedByAnAgentAndRated_DeskEventsAreRecordedInTheJourney()
    {
        await using var bot = await StartAsync();
        var customer = new TestConversation(bot, ChannelProfiles.Sms, new TestCustomer("c2", Phone: "+15551230002"));
        await customer.Send("refund for order 12345").ExpectReplyContaining("email")
            .Send("agent").ExpectHandoff().AllowMoreReplies()
            .RunAsync();
        var desk = bot.Services.GetRequiredService<IHandoffDesk>();
        var ticket = Assert.Single(await desk.ListOpenAsync(CancellationToken.None));
        Assert.True((await desk.ClaimAsync(ticket.Id, Alice, CancellationToken.None)).Succeeded);
        Assert.True((await desk.ReplyAsync(ticket.Id, Alice, "Hi, I can help.", CancellationToken.None)).Succeeded);
        bot.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.True((await desk.ResolveAsync(ticket.Id, Alice, CancellationToken.None)).Succeeded);
        await Eventually.UntilAsync(() => bot.Channel(ChannelId.Sms).Sent.Any(m => m.Text == Texts.AskCsat), "the rating question is sent");

        await customer.Send("4", m => m with { Value = "csat:4" }).ExpectReply(Texts.ThanksForRating).RunAsync();

        var kinds = Events(bot).Select(e => JourneyEventKinds.Text(e.Kind)).ToList();
        Assert.Equal(
            ["message-in", "slot-given", "slot-asked", "bot-messages", "message-in", "handoff", "bot-messages", "claimed", "agent-message", "resolved", "bot-messages", "rating", "message-in", "bot-messages"],
            kinds);
        var journey = Assert.Single((await MetricsAsync(bot)).JourneyList);
        Assert.Equal((JourneyResolver?)JourneyResolver.Agent, journey.ResolvedBy);
        Assert.Equal(4, journey.Rating);
        Assert.Equal(10, journey.AgentMinutes, 9);
        Assert.Equal((1, 1), (journey.Transitions, journey.PreservedTransitions));
    }

    [Fact]
    public async Task CustomerWritesAgainWhileTheTicketIsOpen_NoSecondHandoffIsRecorded()
    {
        await using var bot = await StartAsync();

        await new TestConversation(bot, ChannelProfiles.Sms, new TestCustomer("c3", Phone: "+15551230003"))
            .Send("agent").ExpectHandoff().AllowMoreReplies()
            .Send("are you there?").AllowMoreReplies()
            .RunAsync();

        Assert.Single(Events(bot), e => e.Kind == JourneyEventKind.Handoff);
        Assert.Equal(2, Events(bot).Count(e => e.Kind == JourneyEventKind.MessageIn));
    }
}
