using Omnichannel.Bots.Inbound;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>A malformed inbound message is rejected with a message naming the problem, and nothing of it is stored.</summary>
public sealed class MalformedInputTests
{
    /// <summary>The limit is 64 KiB of text in UTF-8 (65,536 bytes), counted in bytes, not characters.</summary>
    private const int Limit = InboundMessageValidator.MaxTextBytes;

    public static TheoryData<string, string> Malformed => new()
    {
        { "text-over-64kb", "text is" },
        { "multibyte-text-over-64kb", "text is" },
        { "empty-id", "id is missing" },
        { "whitespace-id", "id is missing" },
        { "long-id", "id is 257 characters" },
        { "control-in-id", "id contains control characters" },
        { "empty-conversation", "conversation id is missing" },
        { "empty-account", "conversation account is missing" },
        { "no-sender", "sender is missing" },
        { "bad-phone", "is not in E.164 form" },
        { "bad-email", "is not an email address" },
        { "no-content", "the message has no text, value, attachment or location" },
        { "nul-in-text", "text contains NUL characters" },
        { "broken-unicode", "broken Unicode" },
        { "relative-attachment-url", "attachment 1 needs an absolute http or https URL" },
        { "latitude-out-of-range", "latitude 91 is outside -90..90" },
        { "bad-locale", "is not a language tag" },
        { "unknown-channel", "no adapter is registered for channel 'fax'" },
        { "not-a-message", "only messages are turns" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task SubmitAsync_MalformedMessage_RejectedNamingTheProblemAndNothingStored(string kind, string problem)
    {
        await using var bot = await DeliveryBot.StartAsync();
        var valid = await bot.Inbox().SubmitAndWaitAsync(DeliveryBot.Message("valid-1", "a valid message first"), CancellationToken.None);
        Assert.Equal(TurnStatus.Completed, valid.Status);
        var before = Rows.CountAll(bot.DatabaseFile());

        var rejected = await Assert.ThrowsAsync<InboundMessageRejectedException>(
            () => bot.Inbox().SubmitAsync(Make(kind), CancellationToken.None));
        var waited = await Assert.ThrowsAsync<InboundMessageRejectedException>(
            () => bot.Inbox().SubmitAndWaitAsync(Make(kind), CancellationToken.None));

        Assert.Contains(problem, rejected.Message, StringComparison.Ordinal);
        Assert.StartsWith("The inbound message was rejected: ", rejected.Message, StringComparison.Ordinal);
        Assert.Contains(rejected.Problems, p => p.Contains(problem, StringComparison.Ordinal));
        Assert.Equal(rejected.Message, waited.Message);
        Assert.Equal(before, Rows.CountAll(bot.DatabaseFile()));
    }

    [Fact]
    public async Task SubmitAsync_TextOfExactly64KB_Accepted()
    {
        await using var bot = await DeliveryBot.StartAsync();

        var outcome = await bot.Inbox().SubmitAndWaitAsync(DeliveryBot.Message("max", new string('a', Limit)), CancellationToken.None);

        Assert.Equal(TurnStatus.Completed, outcome.Status);
        Assert.Equal(Limit, Rows.Count(bot.DatabaseFile(), "SELECT length(text) FROM messages WHERE direction = 'in'"));
    }

    [Fact]
    public async Task SubmitAsync_SeveralProblems_NamesEveryOne()
    {
        await using var bot = await DeliveryBot.StartAsync();
        var message = DeliveryBot.Message(string.Empty, string.Empty) with { Conversation = new ConversationAddress("account-1", " ") };

        var rejected = await Assert.ThrowsAsync<InboundMessageRejectedException>(() => bot.Inbox().SubmitAsync(message, CancellationToken.None));

        Assert.Equal(3, rejected.Problems.Count);
        Assert.Contains("id is missing", rejected.Message, StringComparison.Ordinal);
        Assert.Contains("conversation id is missing", rejected.Message, StringComparison.Ordinal);
        Assert.Contains("no text, value, attachment or location", rejected.Message, StringComparison.Ordinal);
        Assert.All(Rows.CountAll(bot.DatabaseFile()), table => Assert.Equal(0, table.Value));
    }

    [Fact]
    public void TryCreate_MalformedThenValid_ProblemsOnlyForTheMalformedOne()
    {
        Assert.False(InboundMessage.TryCreate(Make("nul-in-text"), out var rejected, out var problems));
        Assert.Null(rejected);
        Assert.Contains(problems, p => p.Contains("NUL", StringComparison.Ordinal));

        var valid = DeliveryBot.Message("ok-1", "hello");
        Assert.True(InboundMessage.TryCreate(valid, out var inbound, out problems));
        Assert.Same(valid, inbound.Message);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task SubmitAndWaitAsync_CheckedMessage_TurnCompletes()
    {
        await using var bot = await DeliveryBot.StartAsync();
        Assert.True(InboundMessage.TryCreate(DeliveryBot.Message("checked-1", "hello"), out var inbound, out _));

        var outcome = await bot.Inbox().SubmitAndWaitAsync(inbound, CancellationToken.None);

        Assert.Equal(TurnStatus.Completed, outcome.Status);
    }

    private static BotMessage Make(string kind)
    {
        var message = DeliveryBot.Message("bad-1", "hello");
        return kind switch
        {
            "text-over-64kb" => message with { Text = new string('a', Limit + 1) },
            // 21,846 euro signs are 65,538 UTF-8 bytes but only 21,846 characters.
            "multibyte-text-over-64kb" => message with { Text = new string('\u20ac', (Limit / 3) + 1) },
            "empty-id" => message with { Id = string.Empty },
            "whitespace-id" => message with { Id = "  " },
            "long-id" => message with { Id = new string('x', InboundMessageValidator.MaxIdLength + 1) },
            "control-in-id" => message with { Id = "bad\nid" },
            "empty-conversation" => message with { Conversation = new ConversationAddress("account-1", string.Empty) },
            "empty-account" => message with { Conversation = new ConversationAddress(string.Empty, "+15550100001") },
            "no-sender" => message with { Sender = null },
            "bad-phone" => message with { Sender = new Participant("+15550100001") { PhoneNumber = "555-0100" } },
            "bad-email" => message with { Sender = new Participant("web-1") { Email = "not an email" } },
            "no-content" => message with { Text = null },
            "nul-in-text" => message with { Text = "hel\0lo" },
            "broken-unicode" => message with { Text = "broken \ud800 surrogate" },
            "relative-attachment-url" => message with { Attachments = [new Attachment("image/jpeg", new Uri("/photo.jpg", UriKind.Relative))] },
            "latitude-out-of-range" => message with { Location = new GeoLocation(91, 0) },
            "bad-locale" => message with { Locale = "not-a-locale-at-all" },
            "unknown-channel" => message with { Channel = new ChannelId("fax") },
            "not-a-message" => message with { Kind = MessageKind.Typing },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }
}
