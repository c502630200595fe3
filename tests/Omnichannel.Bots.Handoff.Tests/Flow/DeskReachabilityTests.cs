using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Handoff;
using Omnichannel.Bots.Handoff.Desk;
using Omnichannel.Bots.Handoff.Tests.Support;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Handoff.Tests.Flow;

/// <summary>
/// The desk asks the core reachability policy: an agent's reply to a chat that blocked the bot or opted out is refused
/// with the reason, the workspace's reply target shows it, and the customer writing again (or opting in) lifts it.
/// </summary>
public sealed class DeskReachabilityTests
{
    private const string Blocked = "Forbidden: bot was blocked by the user";
    private static readonly HandoffTexts Texts = new();

    [Fact]
    public async Task Reply_TelegramChatBlockedTheBot_RefusedWithTheReasonUntilTheCustomerWritesAgain()
    {
        await using var harness = await HandoffHarness.StartAsync(services: LongReplyTimeout);
        var telegram = harness.Bot.Channel(ChannelId.Telegram);
        telegram.FailNext = m => m.Text == Texts.Queued ? ChannelSendException.RecipientUnreachable(Blocked, "403") : null;
        var customer = harness.Customer(ChannelProfiles.Telegram, new TestCustomer("tg-42"));
        await customer.Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();
        var ticket = await harness.OnlyOpenTicketAsync();
        await Eventually.UntilAsync(
            async () => (await harness.Desk.GetAsync(ticket.Id, default))!.Reply.ProblemKind == ReachProblemKind.Unreachable,
            "the blocked chat to be marked");
        await harness.Desk.ClaimAsync(ticket.Id, HandoffHarness.Alice, default);

        var refused = await harness.Desk.ReplyAsync(ticket.Id, HandoffHarness.Alice, "Are you still there?", default);
        var detail = await harness.Desk.GetAsync(ticket.Id, default);

        Assert.Equal(DeskOutcome.Undeliverable, refused.Outcome);
        Assert.Contains(Blocked, refused.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be reached on telegram", refused.Message, StringComparison.Ordinal);
        Assert.False(detail!.Reply.CanReply);
        Assert.Equal(refused.Message, detail.Reply.Problem);

        // The first send took the chat's pacing slot: a second on, the next may go at once.
        harness.Bot.Time.Advance(TimeSpan.FromSeconds(1));
        await customer.Send("sorry, unblocked you").RunAsync();
        Assert.True((await harness.Desk.ReplyAsync(ticket.Id, HandoffHarness.Alice, "Welcome back!", default)).Succeeded);
        await Eventually.UntilAsync(() => telegram.Sent.Any(m => m.Text == "Welcome back!"), "the agent's reply after the customer wrote again");
        Assert.True((await harness.Desk.GetAsync(ticket.Id, default))!.Reply.CanReply);
    }

    [Fact]
    public async Task Reply_SmsStopThenStart_RefusedThenDelivered()
    {
        await using var harness = await HandoffHarness.StartAsync(services: LongReplyTimeout);
        var customer = harness.Customer(ChannelProfiles.Sms, new TestCustomer("sms", Phone: "+15550003333"));
        await customer.Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();
        var ticket = await harness.OnlyOpenTicketAsync();
        await harness.Desk.ClaimAsync(ticket.Id, HandoffHarness.Alice, default);

        await customer.Send("STOP").RunAsync();
        var refused = await harness.Desk.ReplyAsync(ticket.Id, HandoffHarness.Alice, "Hello?", default);
        var optedOut = await harness.Desk.GetAsync(ticket.Id, default);
        await customer.Send("START").RunAsync();
        var delivered = await harness.Desk.ReplyAsync(ticket.Id, HandoffHarness.Alice, "Thanks for coming back.", default);

        Assert.Equal(DeskOutcome.Undeliverable, refused.Outcome);
        Assert.Contains("they send START", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ReachProblemKind.OptedOut, optedOut!.Reply.ProblemKind);
        Assert.True(optedOut.Packet.Channels[0].OptedOut);
        Assert.True(delivered.Succeeded);
        var sms = harness.Bot.Channel(ChannelId.Sms);
        await Eventually.UntilAsync(() => sms.Sent.Any(m => m.Text == "Thanks for coming back."), "the reply after START");
        Assert.DoesNotContain(sms.Sent, m => m.Text == "Hello?");
    }

    private static void LongReplyTimeout(IServiceCollection services) =>
        services.PostConfigure<AgentsOptions>(o => o.ReplyTimeout = TimeSpan.FromDays(1));
}
