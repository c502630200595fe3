using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Handoff.Desk;
using Omnichannel.Bots.Handoff.Tests.Support;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Handoff.Tests.Flow;

/// <summary>
/// The desk asks the reachability policy with the agent's own message: Messenger's 7-day human agent window (the reply
/// goes with <see cref="SendWindow.HumanAgent"/>), WhatsApp's template after its 24 hours, and a provider's window
/// refusal shown on the transcript message as its delivery state, in the policy's words.
/// </summary>
public sealed class ReplyWindowDeskTests
{
    private static readonly HandoffTexts Texts = new();
    private static readonly MessageTemplate OrderUpdate = new("order_update", "en_US") { BodyParameters = ["12345"] };

    [Fact]
    public async Task Reply_MessengerDay6_GoesInTheHumanAgentWindow_Day8RefusedWithTheReason()
    {
        await using var harness = await HandoffHarness.StartAsync(services: LongReplyTimeout);
        var ticket = await ClaimedAsync(harness, ChannelProfiles.Messenger, new TestCustomer("fb-1"));
        var messenger = harness.Bot.Channel(ChannelId.Messenger);

        harness.Bot.Time.Advance(TimeSpan.FromDays(6));
        var detail = await harness.Desk.GetAsync(ticket.Id, default);
        Assert.True(detail!.Reply.CanReply);
        var channel = detail.Packet.Channels.Single(c => c.Current);
        Assert.True(channel.ReplyWindowOpen);
        Assert.Equal(channel.LastCustomerMessageAt + TimeSpan.FromDays(7), channel.ReplyWindowClosesAt);

        Assert.True((await harness.Desk.ReplyAsync(ticket.Id, HandoffHarness.Alice, "Your refund went through.", default)).Succeeded);
        await Eventually.UntilAsync(() => messenger.Sent.Any(m => m.Text == "Your refund went through."), "the agent's reply on day 6");
        Assert.Equal(SendWindow.HumanAgent, messenger.Sent.Single(m => m.Text == "Your refund went through.").Window);
        Assert.Equal(SendWindow.Standard, messenger.Sent.Single(m => m.Text == "Looking into it.").Window);

        harness.Bot.Time.Advance(TimeSpan.FromDays(2));
        var refused = await harness.Desk.ReplyAsync(ticket.Id, HandoffHarness.Alice, "Anything else?", default);

        Assert.Equal(DeskOutcome.Undeliverable, refused.Outcome);
        Assert.StartsWith("messenger's 7-day human agent window closed at", refused.Message, StringComparison.Ordinal);
        detail = await harness.Desk.GetAsync(ticket.Id, default);
        Assert.Equal((false, ReachProblemKind.ReplyWindowClosed, false), (detail!.Reply.CanReply, detail.Reply.ProblemKind, detail.Reply.CanSendTemplate));
        Assert.Equal(refused.Message, detail.Reply.Problem);
        Assert.False(detail.Packet.Channels.Single(c => c.Current).ReplyWindowOpen);
    }

    [Fact]
    public async Task SendTemplate_WhatsAppAfter24Hours_TheTemplateGoesAsTheAgent()
    {
        await using var harness = await HandoffHarness.StartAsync(services: LongReplyTimeout);
        var ticket = await ClaimedAsync(harness, ChannelProfiles.WhatsApp, new TestCustomer("wa", Phone: "+15550001111"));
        harness.Bot.Time.Advance(TimeSpan.FromHours(25));

        var before = await harness.Desk.GetAsync(ticket.Id, default);
        Assert.Equal((false, ReachProblemKind.ReplyWindowClosed, true), (before!.Reply.CanReply, before.Reply.ProblemKind, before.Reply.CanSendTemplate));
        Assert.Contains("send an approved message template", before.Reply.Problem, StringComparison.Ordinal);

        var result = await harness.Desk.SendTemplateAsync(ticket.Id, HandoffHarness.Alice, OrderUpdate, "Your order 12345 has shipped.", default);

        Assert.True(result.Succeeded, result.Message);
        var whatsApp = harness.Bot.Channel(ChannelId.WhatsApp);
        await Eventually.UntilAsync(() => whatsApp.Sent.Any(m => m.Template is not null), "the template");
        var sent = whatsApp.Sent.Single(m => m.Template is not null);
        Assert.Equal(("order_update", "12345", "Your order 12345 has shipped."), (sent.Template!.Name, sent.Template.BodyParameters.Single(), sent.Text));
        Assert.Equal(harness.Bot.Services.GetRequiredService<AgentHandles>().For("alice"), sent.Sender?.Id);
        var after = await harness.Desk.GetAsync(ticket.Id, default);
        Assert.Contains(after!.Transcript, m => m is { From: "agent", AgentId: "alice", Text: "Your order 12345 has shipped." });
    }

    [Fact]
    public async Task SendTemplate_ChannelWithoutTemplatesOrNoName_RefusedWithTheReason()
    {
        await using var harness = await HandoffHarness.StartAsync(services: LongReplyTimeout);
        var ticket = await ClaimedAsync(harness, ChannelProfiles.WebChat, null);

        var unsupported = await harness.Desk.SendTemplateAsync(ticket.Id, HandoffHarness.Alice, OrderUpdate, "Your order 12345 has shipped.", default);
        var unnamed = await harness.Desk.SendTemplateAsync(ticket.Id, HandoffHarness.Alice, new MessageTemplate(" ", "en_US"), "Hello", default);

        Assert.Equal(DeskOutcome.Undeliverable, unsupported.Outcome);
        Assert.Equal("webchat does not send message templates; send the text as an ordinary message instead.", unsupported.Message);
        Assert.Equal(DeskOutcome.Invalid, unnamed.Outcome);
        Assert.DoesNotContain(harness.Bot.Channel(ChannelId.WebChat).Sent, m => m.Template is not null);
    }

    [Fact]
    public async Task Reply_ProviderSaysTheWindowClosed_TheTranscriptShowsTheFailureInThePolicysWords()
    {
        await using var harness = await HandoffHarness.StartAsync(services: LongReplyTimeout);
        var whatsApp = harness.Bot.Channel(ChannelId.WhatsApp);
        whatsApp.FailNext = m => m.Text == "Sorry for the wait!" ? ChannelSendException.ReplyWindowClosed("(#131047) Re-engagement message", "131047") : null;
        var ticket = await ClaimedAsync(harness, ChannelProfiles.WhatsApp, new TestCustomer("wa", Phone: "+15550001111"));
        harness.Bot.Time.Advance(TimeSpan.FromHours(23));

        Assert.True((await harness.Desk.ReplyAsync(ticket.Id, HandoffHarness.Alice, "Sorry for the wait!", default)).Succeeded);

        PacketMessage? failed = null;
        await Eventually.UntilAsync(
            async () => (failed = (await harness.Desk.GetAsync(ticket.Id, default))!.Transcript.SingleOrDefault(m => m.Text == "Sorry for the wait!" && m.Delivery?.Status == DeliveryStatus.Failed)) is not null,
            "the reply's failed delivery on the transcript");
        var lastInbound = (await harness.Desk.GetAsync(ticket.Id, default))!.Packet.Channels.Single(c => c.Current).LastCustomerMessageAt;
        Assert.Equal(ReachProblem.ReplyWindowClosed(ChannelProfiles.WhatsApp, lastInbound).Message + " (The provider refused it: code 131047.)", failed!.Delivery!.ErrorMessage);
    }

    /// <summary>
    /// A customer on <paramref name="profile"/> asks for an agent; Alice claims and answers at once (so the desk's timer
    /// does not re-queue it) and the answer is delivered.
    /// </summary>
    private static async Task<HandoffTicket> ClaimedAsync(HandoffHarness harness, ChannelProfile profile, TestCustomer? customer)
    {
        await harness.Customer(profile, customer).Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();
        var ticket = await harness.OnlyOpenTicketAsync();
        Assert.True((await harness.Desk.ClaimAsync(ticket.Id, HandoffHarness.Alice, default)).Succeeded);
        Assert.True((await harness.Desk.ReplyAsync(ticket.Id, HandoffHarness.Alice, "Looking into it.", default)).Succeeded);

        // WhatsApp's pacing (80 a second) puts the reply 1/80 s after the bot's message on the fake clock.
        harness.Bot.Time.Advance(TimeSpan.FromSeconds(1));
        var adapter = harness.Bot.Channel(profile.Channel);
        await Eventually.UntilAsync(() => adapter.Sent.Any(m => m.Text == "Looking into it."), "the agent's first reply");
        return ticket;
    }

    private static void LongReplyTimeout(IServiceCollection services) =>
        services.PostConfigure<AgentsOptions>(o => o.ReplyTimeout = TimeSpan.FromDays(1));
}
