using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Handoff;
using Omnichannel.Bots.Handoff.Desk;
using Omnichannel.Bots.Handoff.Tests.Support;
using Omnichannel.Bots.Handoff.Workspace;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Handoff.Tests.Flow;

/// <summary>Routing on real turns (SQLite, the router, the built-in rules unless a test gives its own).</summary>
public sealed class EscalationFlowTests
{
    private static readonly HandoffTexts Texts = new();

    [Fact]
    public async Task Send_AskForAgent_EscalatesWithTheRuleAndTheBotStaysSilentAfterwards()
    {
        await using var harness = await HandoffHarness.StartAsync();
        await harness.Customer()
            .Send("where is my parcel").ExpectReply("Answer: where is my parcel")
            .Send("agent").ExpectHandoff("asked for a person").ExpectReply(Texts.Queued)
            .Send("hello? anyone?")
            .RunAsync();

        var ticket = await harness.OnlyOpenTicketAsync();
        Assert.Equal(HandoffTicketStatus.Queued, ticket.Status);
        Assert.Equal("general", ticket.Queue);
        Assert.NotNull(ticket.Rule);
        Assert.Equal(Omnichannel.Bots.Handoff.Routing.RoutingRules.BuiltInSource, ticket.RuleSource);
        var transcript = await harness.Bot.Transcripts.GetByCustomerAsync(ticket.CustomerId, CancellationToken.None);
        Assert.Equal("hello? anyone?", transcript[^1].Message.Text);
    }

    [Fact]
    public async Task Send_TwoDeclinesInARow_EscalatesAfterTheDialogAndDropsItsDraftedReply()
    {
        await using var harness = await HandoffHarness.StartAsync();
        await harness.Customer()
            .Send("?first").ExpectReply(QaDialog.Declined)
            .Send("?second").ExpectHandoff().ExpectReply(Texts.Queued)
            .RunAsync();

        var ticket = await harness.OnlyOpenTicketAsync();
        Assert.NotNull(ticket.Rule);
    }

    [Fact]
    public async Task Send_AngryMessage_EscalatesBeforeTheDialogWithHighPriority()
    {
        await using var harness = await HandoffHarness.StartAsync();
        await harness.Customer()
            .Send("This is ridiculous, your service is terrible and completely useless!!!").ExpectHandoff().ExpectReply(Texts.Queued)
            .RunAsync();

        var ticket = await harness.OnlyOpenTicketAsync();
        Assert.Equal(HandoffPriority.High, ticket.Priority);
        var transcript = await harness.Bot.Transcripts.GetByCustomerAsync(ticket.CustomerId, CancellationToken.None);
        Assert.True(transcript[0].Insights?.Sentiment < -0.6, $"sentiment {transcript[0].Insights?.Sentiment}");
    }

    [Fact]
    public async Task Send_WhileHandoffOpenOnAnotherChannel_PassesItOnInsteadOfAnswering()
    {
        await using var harness = await HandoffHarness.StartAsync();
        var jane = new TestCustomer("jane", Phone: "+15551234567");
        await harness.Customer(ChannelProfiles.Sms, jane).Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();
        await harness.Customer(ChannelProfiles.WhatsApp, jane)
            .Send("I'm on WhatsApp now").ExpectReply(Texts.StillWaiting)
            .RunAsync();

        var ticket = await harness.OnlyOpenTicketAsync();
        Assert.Equal(ChannelId.Sms, ticket.Channel);
    }

    [Fact]
    public async Task Send_CustomRules_VipAskingForAPersonGoesToTheVipQueueWithTheRuleRecorded()
    {
        const string rules = """
            version: 1
            queues: [general, vip]
            rules:
              - name: vip-asks
                when: { asked_for_person: true, tier: vip }
                escalate: { queue: vip, priority: urgent }
              - name: anyone-asks
                when: { asked_for_person: true }
                escalate: {}
            """;
        await using var harness = await HandoffHarness.StartAsync(rules, o => o.Tiers["vip"] = ["email:jane@example.com"]);
        await harness.Customer(ChannelProfiles.WebChat, new TestCustomer("jane", Email: "Jane@Example.com"))
            .Send("can I speak to a real person").ExpectHandoff().ExpectReply(Texts.Queued)
            .RunAsync();

        var ticket = await harness.OnlyOpenTicketAsync();
        Assert.Equal(("vip", HandoffPriority.Urgent, "vip-asks"), (ticket.Queue, ticket.Priority, ticket.Rule));
        Assert.EndsWith("handoff-rules.yaml:4", ticket.RuleSource, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_OutsideBusinessHours_SaysWhenTheTeamOpensAndKeepsThePlace()
    {
        // The test clock starts on Wednesday 2026-03-18 10:00 UTC; this team works Saturdays only.
        const string rules = """
            version: 1
            queues: [general]
            business_hours:
              time_zone: UTC
              weekly: { sat: "09:00-17:00" }
            rules:
              - name: asks
                when: { asked_for_person: true }
                escalate: {}
            """;
        await using var harness = await HandoffHarness.StartAsync(rules);
        await harness.Customer()
            .Send("agent").ExpectHandoff().ExpectReply(reply =>
            {
                Assert.Contains("closed right now", reply.Text, StringComparison.Ordinal);
                Assert.Contains("Saturday", reply.Text, StringComparison.Ordinal);
            })
            .RunAsync();

        Assert.Equal(HandoffTicketStatus.Queued, (await harness.OnlyOpenTicketAsync()).Status);
    }

    [Fact]
    public async Task Send_ClarifyRule_AsksOnceThenLetsTheBotAnswer()
    {
        const string rules = """
            version: 1
            queues: [general]
            rules:
              - name: unhappy
                when: { sentiment_below: -0.2 }
                clarify: { text: "Sorry about that. Would you like a person to help?", choices: ["Talk to a person", "Keep going"] }
            """;
        await using var harness = await HandoffHarness.StartAsync(rules);
        await harness.Customer()
            .Send("my parcel is late and I'm annoyed").ExpectReply("Sorry about that. Would you like a person to help?")
            .Send("still annoyed that it is late").ExpectReply("Answer: still annoyed that it is late")
            .RunAsync();

        Assert.Empty(await harness.Store.ListOpenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Tap_ClarifyChoices_PersonHandsOffAndKeepGoingLetsTheBotCarryOn()
    {
        const string rules = """
            version: 1
            queues: [general]
            rules:
              - name: unhappy
                when: { sentiment_below: -0.2, asked_for_person: false }
                clarify: { text: "Sorry about that. Would you like a person to help?", choices: ["Talk to a person", "Keep going"] }
              - name: asks
                when: { asked_for_person: true }
                escalate: {}
            """;
        await using var harness = await HandoffHarness.StartAsync(rules);
        await harness.Customer(customer: new TestCustomer("keeps-going"))
            .Send("my parcel is late and I'm annoyed").ExpectReply("Sorry about that. Would you like a person to help?").ExpectChoices("Talk to a person", "Keep going")
            .Tap(HandoffRouter.ContinueValue).ExpectReply(Texts.KeepGoing)
            .RunAsync();
        Assert.Empty(await harness.Store.ListOpenAsync(CancellationToken.None));

        await harness.Customer(customer: new TestCustomer("wants-person"))
            .Send("my parcel is late and I'm annoyed").ExpectReply("Sorry about that. Would you like a person to help?")
            .Tap(HandoffRouter.PersonValue).ExpectHandoff("asked for a person").ExpectReply(Texts.Queued)
            .RunAsync();
        Assert.Equal("asks", (await harness.OnlyOpenTicketAsync()).Rule);
    }

    [Fact]
    public async Task Send_NoAgentWorkspace_SaysAPersonWillReplyWithoutPromisingAWait()
    {
        await using var harness = await HandoffHarness.StartAsync();
        await harness.Customer().Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();

        Assert.Null(harness.Bot.Services.GetService<IAgentPresence>());
    }

    [Fact]
    public async Task StartAsync_NoAgentWorkspace_LeavesSignInDataOfAccountsToTheWorkspace()
    {
        // Sign-in data (password hashes, roles) is the workspace's to check (AddAgentWorkspace() refuses this account
        // at start-up): a handoff-only bot starts with it and hands off as usual.
        await using var harness = await HandoffHarness.StartAsync(services: s => s.Configure<AgentsOptions>(
            o => o.Accounts.Add(new AgentAccount { Id = "alice", PasswordHash = "not a hash", Role = "boss" })));
        await harness.Customer().Send("agent").ExpectHandoff().ExpectReply(Texts.Queued).RunAsync();

        Assert.Single(harness.Bot.Services.GetRequiredService<IOptions<AgentsOptions>>().Value.Accounts);
        Assert.DoesNotContain(harness.Bot.Services.GetServices<IValidateOptions<AgentsOptions>>(), v => v is AgentsOptionsValidator);
    }
}
