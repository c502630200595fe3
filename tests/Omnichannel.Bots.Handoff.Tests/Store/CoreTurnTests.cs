using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Storage;
using Omnichannel.Bots.Handoff.Storage.Sqlite;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Handoff.Tests.Store;

/// <summary>The whole loop through the core on SQLite: a turn escalates, the bot goes silent, an agent answers and hands back.</summary>
public sealed class CoreTurnTests
{
    private static readonly TestCustomer Jane = new("jane", Phone: "+15550100777");

    [Fact]
    public async Task Handoff_EscalateClaimReplyReturn_BotSilentWhileWithPeopleAndAnswersAfter()
    {
        // Handoff's storage (tables, tickets in the turn commit) without its router: the dialog's own handoff files the ticket.
        await using var bot = await TestBot.StartAsync(
            bot => bot.AddRootDialog<EscalatingDialog>(),
            services => services.AddSqliteHandoffStorage().AddSingleton(new HandoffProvider("test")));
        var handoffs = bot.Services.GetRequiredService<SqliteHandoffStore>();
        Assert.Same(handoffs, bot.Services.GetRequiredService<IHandoffTicketStore>());
        var sms = bot.Channel(ChannelId.Sms);
        var chat = new TestConversation(bot, ChannelProfiles.Sms, Jane);

        await chat
            .Send("order A-1 is late, please escalate").ExpectReply("Connecting you to a person.").ExpectHandoff("asked for a person")
            .Send("hello?")
            .RunAsync();

        var ticket = Assert.Single(await handoffs.ListOpenAsync(CancellationToken.None));
        Assert.Equal(("billing", HandoffPriority.High, "explicit-request", "handoff-rules.yaml:3"), (ticket.Queue, ticket.Priority, ticket.Rule, ticket.RuleSource));
        var conversation = Assert.Single(await handoffs.GetCustomerConversationsAsync(ticket.CustomerId, CancellationToken.None)).Conversation;
        Assert.Equal(ConversationOwner.Queued, conversation.Owner);

        Assert.True((await handoffs.ClaimAsync(ticket.Id, "alice", null, bot.Time.GetUtcNow(), CancellationToken.None)).Claimed);
        var agentReply = Outbound(conversation, "Hi Jane, Alice here. Order A-1 ships today.") with { Sender = new Participant("agent:alice", "Alice") };
        Assert.NotNull(await handoffs.AddAgentMessageAsync(ticket.Id, "alice", conversation.Id, agentReply, bot.Time.GetUtcNow(), CancellationToken.None));
        var back = Outbound(conversation, "You are chatting with the bot again.");
        Assert.NotNull(await handoffs.CloseAsync(ticket.Id, new HandoffClosing("alice", HandoffTicketStatus.ReturnedToBot, [back]), conversation.Id, bot.Time.GetUtcNow(), CancellationToken.None));
        bot.Services.GetRequiredService<IOutboxSignal>().Notify();
        await Eventually.UntilAsync(() => sms.Sent.Any(m => m.Text == back.Text), "the closing message to be sent");

        await chat.Send("what are your hours").ExpectReply("bot: what are your hours").RunAsync();
        await Eventually.UntilAsync(() => sms.Sent.Count == 4, "the bot's answer to be sent", () => string.Join(" | ", sms.Sent.Select(m => m.Text)));

        Assert.Equal(
            ["Connecting you to a person.", agentReply.Text, back.Text, "bot: what are your hours"],
            sms.Sent.Select(m => m.Text));
        var transcript = await bot.Services.GetRequiredService<ITranscriptStore>().GetByCustomerAsync(ticket.CustomerId, CancellationToken.None);
        Assert.Equal(
            [
                (MessageDirection.Inbound, "order A-1 is late, please escalate"),
                (MessageDirection.Outbound, "Connecting you to a person."),
                (MessageDirection.Inbound, "hello?"),
                (MessageDirection.Outbound, agentReply.Text),
                (MessageDirection.Outbound, back.Text),
                (MessageDirection.Inbound, "what are your hours"),
                (MessageDirection.Outbound, "bot: what are your hours"),
            ],
            transcript.Select(e => (e.Direction, e.Message.Text)));
        Assert.True(transcript[0].Insights!.AskedForPerson);
        Assert.Equal("A-1", Assert.Single(transcript[0].Insights!.Entities).Value);
        Assert.Null(transcript[2].Insights);
        Assert.Equal("Alice", transcript[3].Message.Sender!.Name);
    }

    private static BotMessage Outbound(ConversationRecord conversation, string text) => new()
    {
        Id = "desk-" + Guid.NewGuid().ToString("N"),
        Channel = conversation.Channel,
        Conversation = conversation.Address,
        Text = text,
    };
}
