using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>
/// <see cref="IProactiveMessenger"/> on SQLite: a first message to a chat that never wrote joins the customer known by the
/// same verified phone, a refusal comes back typed with the policy's problem and writes nothing, and what is queued is
/// in the transcript and sent by the outbox.
/// </summary>
public sealed class ProactiveMessengerTests
{
    private const string Phone = "+15550100009";

    [Fact]
    public async Task Send_NewWhatsAppChatOfAVerifiedPhone_JoinsTheSameCustomerAndATemplateGoes()
    {
        await using var bot = await BurstBot.StartAsync();
        await bot.Inbox().SubmitAndWaitAsync(BurstBot.Message("m1", "hello", ChannelId.Sms, Phone), CancellationToken.None);
        await Eventually.UntilAsync(() => bot.Channel(ChannelId.Sms).Sent.Count == 1, "the SMS echo");
        var smsCustomer = (string)Rows.Scalar(bot.DatabaseFile(), "SELECT customer_id FROM conversations")!;
        var proactive = bot.Services.GetRequiredService<IProactiveMessenger>();
        var recipient = new ProactiveRecipient(ChannelId.WhatsApp, "phone-number-id-1", "15550100009") { PhoneNumber = Phone };

        var text = await proactive.SendAsync(recipient, new ProactiveMessage("Your order shipped."), CancellationToken.None);

        Assert.Equal(ProactiveOutcome.Refused, text.Outcome);
        Assert.Contains("the customer has not written on this conversation", text.Problem!.Message, StringComparison.Ordinal);
        Assert.Equal(1, Rows.Count(bot.DatabaseFile(), "SELECT COUNT(*) FROM conversations"));

        var template = new MessageTemplate("order_update", "en_US") { BodyParameters = ["12345"] };
        var sent = await proactive.SendAsync(recipient, ProactiveMessage.ForTemplate(template, "Your order 12345 has shipped."), CancellationToken.None);

        Assert.Equal(ProactiveOutcome.Queued, sent.Outcome);
        Assert.Equal(smsCustomer, sent.CustomerId);
        Assert.Equal(
            ["whatsapp", "phone-number-id-1", "15550100009", smsCustomer],
            Rows.Query(bot.DatabaseFile(), "SELECT channel, account, external_id, customer_id FROM conversations WHERE id = @p1", sent.ConversationId!).Single());
        Assert.Equal(smsCustomer, Rows.Scalar(bot.DatabaseFile(), "SELECT customer_id FROM customer_identities WHERE identity_key = 'whatsapp:15550100009'"));
        var whatsApp = bot.Channel(ChannelId.WhatsApp);
        await Eventually.UntilAsync(() => whatsApp.Sent.Count == 1, "the template");
        var delivered = whatsApp.Sent.Single();
        Assert.Equal(("15550100009", "order_update", "12345"), (delivered.Conversation.Id, delivered.Template?.Name, delivered.Template?.BodyParameters.Single()));
        var journey = await bot.Transcripts.GetByCustomerAsync(smsCustomer, CancellationToken.None);
        Assert.Contains(journey, e => e is { Direction: MessageDirection.Outbound, Channel.Value: "whatsapp" } && e.Message.Text == "Your order 12345 has shipped.");

        // The same chat again: the conversation is found, not made twice.
        var again = await proactive.SendAsync(recipient, ProactiveMessage.ForTemplate(template, "Your order 12345 has shipped."), CancellationToken.None);
        Assert.Equal(sent.ConversationId, again.ConversationId);
        Assert.Equal(2, Rows.Count(bot.DatabaseFile(), "SELECT COUNT(*) FROM conversations"));
    }

    [Fact]
    public async Task Send_CustomerOptedOut_RefusedWithTheProblemAndNothingWritten()
    {
        await using var bot = await BurstBot.StartAsync();
        await bot.Inbox().SubmitAndWaitAsync(BurstBot.Message("m1", "hello", ChannelId.Sms, Phone), CancellationToken.None);
        await bot.Inbox().SubmitAndWaitAsync(BurstBot.Message("m2", "STOP", ChannelId.Sms, Phone), CancellationToken.None);
        var conversation = (string)Rows.Scalar(bot.DatabaseFile(), "SELECT id FROM conversations")!;
        var rows = Rows.Count(bot.DatabaseFile(), "SELECT COUNT(*) FROM outbox");
        var messages = Rows.Count(bot.DatabaseFile(), "SELECT COUNT(*) FROM messages");

        var result = await bot.Services.GetRequiredService<IProactiveMessenger>()
            .SendAsync(conversation, new ProactiveMessage("Big sale today!"), CancellationToken.None);

        Assert.Equal(ProactiveOutcome.Refused, result.Outcome);
        Assert.Equal(ReachProblemKind.OptedOut, result.Problem!.Kind);
        Assert.Contains("opted out of messages on sms (they sent STOP)", result.Problem.Message, StringComparison.Ordinal);
        Assert.Equal(conversation, result.ConversationId);
        Assert.Empty(result.Queued);
        Assert.Equal(rows, Rows.Count(bot.DatabaseFile(), "SELECT COUNT(*) FROM outbox"));
        Assert.Equal(messages, Rows.Count(bot.DatabaseFile(), "SELECT COUNT(*) FROM messages"));
    }

    [Fact]
    public async Task Send_NewTelegramChat_TextGoesWithoutAWindowToANewCustomer()
    {
        await using var bot = await BurstBot.StartAsync();
        var proactive = bot.Services.GetRequiredService<IProactiveMessenger>();

        var result = await proactive.SendAsync(new ProactiveRecipient(ChannelId.Telegram, "bot-1", "4242"), new ProactiveMessage("Your **order** shipped."), CancellationToken.None);

        Assert.Equal(ProactiveOutcome.Queued, result.Outcome);
        var row = result.Queued.Single().Id;
        await Eventually.UntilAsync(() => (string?)Rows.Scalar(bot.DatabaseFile(), "SELECT status FROM outbox WHERE id = @p1", row) == "sent", "the message's row to be sent");
        var sent = bot.Channel(ChannelId.Telegram).Sent.Single();
        Assert.Equal(("4242", null), (sent.Conversation.Id, sent.Sender));
        Assert.Equal(["telegram:4242"], Rows.Query(bot.DatabaseFile(), "SELECT identity_key FROM customer_identities WHERE customer_id = @p1", result.CustomerId!).Select(r => (string)r[0]!));
    }

    [Fact]
    public async Task Send_UnknownConversationOrMalformedPhone_NoConversationOrArgumentError()
    {
        await using var bot = await BurstBot.StartAsync();
        var proactive = bot.Services.GetRequiredService<IProactiveMessenger>();

        var unknown = await proactive.SendAsync("cnv_nope", new ProactiveMessage("Hi"), CancellationToken.None);
        var malformed = await Assert.ThrowsAsync<ArgumentException>(() => proactive.SendAsync(
            new ProactiveRecipient(ChannelId.WhatsApp, "phone-number-id-1", "5550100") { PhoneNumber = "5550100" }, new ProactiveMessage("Hi"), CancellationToken.None));

        Assert.Equal((ProactiveOutcome.NoConversation, "cnv_nope"), (unknown.Outcome, unknown.ConversationId));
        Assert.Contains("not in E.164 form", malformed.Message, StringComparison.Ordinal);
        Assert.Equal(0, Rows.Count(bot.DatabaseFile(), "SELECT COUNT(*) FROM conversations"));
    }
}
