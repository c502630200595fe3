using Omnichannel.Bots.Handoff.Signals;

namespace Omnichannel.Bots.Handoff.Tests.Signals;

public sealed class ExtractiveHandoffSummarizerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private readonly ExtractiveHandoffSummarizer _summarizer = new();

    [Fact]
    public async Task SummarizeAsync_OrderConversation_HasOrderQuoteAndReason()
    {
        var packet = Packet(
            ["Hi!", "bot:Hello, how can I help?", "My package for order A-1042 never arrived and the tracking page shows nothing.",
             "bot:Sorry to hear that. What is your email?", "jane@example.com", "agent please"],
            [Entity(EntityKinds.OrderNumber, "A-1042"), Entity(EntityKinds.Email, "jane@example.com")],
            reason: "The customer asked for a person",
            rule: "asked_for_person");

        var summary = await _summarizer.SummarizeAsync(packet, CancellationToken.None);

        Assert.Contains("A-1042", summary, StringComparison.Ordinal);
        Assert.Contains("never arrived", summary, StringComparison.Ordinal);
        Assert.Contains("Order A-1042; email jane@example.com", summary, StringComparison.Ordinal);
        Assert.Contains("The customer asked for a person (rule asked_for_person)", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Hi!", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("agent please", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("how can I help", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeAsync_Greetings_AreExcluded()
    {
        var packet = Packet(
            ["hello", "good morning", "thanks", "yes", "ok", "I was charged twice for my subscription this month"],
            [],
            reason: "Negative sentiment");

        var summary = await _summarizer.SummarizeAsync(packet, CancellationToken.None);

        Assert.Equal("Customer: \"I was charged twice for my subscription this month\". Escalated: Negative sentiment.", summary);
    }

    [Fact]
    public async Task SummarizeAsync_BotAnswers_NameTheArticleAndMisses()
    {
        var packet = Packet(["How long do returns take?"], [], reason: "Low confidence twice") with
        {
            BotAnswers =
            [
                new PacketAnswer { At = Start, Question = "returns", Answered = true, Confidence = 0.8, Sources = [new AnswerSource("returns", "Returns policy", 0.82), new AnswerSource("shipping", "Shipping", 0.4)] },
                new PacketAnswer { At = Start, Question = "x", Answered = false, Confidence = 0.2, Sources = [] },
                new PacketAnswer { At = Start, Question = "y", Answered = false, Sources = [] },
            ],
        };

        var summary = await _summarizer.SummarizeAsync(packet, CancellationToken.None);

        Assert.Contains("bot answered from \"Returns policy\" (0.82); bot could not answer 2 questions", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeAsync_EmptyTranscript_ReasonOnly()
    {
        var packet = Packet([], [Entity(EntityKinds.OrderNumber, "12345")], reason: "Dialog asked for a person", rule: null);

        var summary = await _summarizer.SummarizeAsync(packet, CancellationToken.None);

        Assert.Equal("Escalated: Dialog asked for a person.", summary);
    }

    [Fact]
    public async Task SummarizeAsync_LongMessages_StayWithinTheBound()
    {
        var words = string.Join(' ', Enumerable.Range(0, 200).Select(i => "complaint" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var packet = Packet(
            [words + "?", "order 12345 is late " + words, words],
            [Entity(EntityKinds.OrderNumber, "12345"), Entity(EntityKinds.Amount, "120.00 USD"), Entity(EntityKinds.Phone, "+16502530000")],
            reason: new string('r', 500),
            rule: "long");

        var summary = await _summarizer.SummarizeAsync(packet, CancellationToken.None);

        Assert.InRange(summary.Length, 1, ExtractiveHandoffSummarizer.MaxLength);
        Assert.EndsWith("…", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeAsync_LongQuote_IsShortenedButEntitiesAndReasonKept()
    {
        var longSentence = "My order 12345 " + string.Concat(Enumerable.Repeat("still has not arrived and nobody answers my emails ", 20));
        var packet = Packet([longSentence], [Entity(EntityKinds.OrderNumber, "12345")], reason: "Negative sentiment", rule: "angry");

        var summary = await _summarizer.SummarizeAsync(packet, CancellationToken.None);

        Assert.True(summary.Length <= ExtractiveHandoffSummarizer.MaxLength, summary);
        Assert.StartsWith("Customer: \"My order 12345", summary, StringComparison.Ordinal);
        Assert.EndsWith("Order 12345. Escalated: Negative sentiment (rule angry).", summary, StringComparison.Ordinal);
        Assert.Contains("…\"", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeAsync_PicksAtMostTwoQuotes_InConversationOrder()
    {
        var packet = Packet(
            ["I ordered a blue jacket last week", "The parcel arrived but the zipper is broken", "Can I get a replacement or refund for order 55123?"],
            [Entity(EntityKinds.OrderNumber, "55123")],
            reason: "Refund requested");

        var summary = await _summarizer.SummarizeAsync(packet, CancellationToken.None);

        var zipper = summary.IndexOf("zipper", StringComparison.Ordinal);
        var replacement = summary.IndexOf("replacement", StringComparison.Ordinal);
        Assert.True(zipper > 0 && replacement > zipper, summary);
        Assert.DoesNotContain("blue jacket", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeAsync_SamePacket_SameSummary()
    {
        var packet = Packet(["where is order 12345", "it is a gift and I need it by Friday"], [Entity(EntityKinds.OrderNumber, "12345")], reason: "Asked for a person");

        var first = await _summarizer.SummarizeAsync(packet, CancellationToken.None);
        var second = await new ExtractiveHandoffSummarizer().SummarizeAsync(packet, CancellationToken.None);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task SummarizeAsync_HollowPacket_DoesNotThrow()
    {
        // What a careless deserializer can produce: required members left null.
        var packet = new HandoffPacket
        {
            HandoffId = "h1",
            CreatedAt = Start,
            Customer = null!,
            Channels = null!,
            Routing = null!,
            Entities = null!,
            Sentiment = null!,
            BotAnswers = [null!],
            Summary = null!,
            Transcript = [null!, new PacketMessage { At = Start, From = null!, Channel = "webchat", Text = null }],
        };

        var summary = await _summarizer.SummarizeAsync(packet, CancellationToken.None);

        Assert.Equal("Escalated.", summary);
    }

    [Fact]
    public async Task SummarizeAsync_Cancelled_ReturnsCanceledTask()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _summarizer.SummarizeAsync(Packet([], [], "x"), cts.Token));
    }

    private static PacketEntity Entity(string kind, string value) => new(kind, value, value) { At = Start };

    private static HandoffPacket Packet(string[] messages, PacketEntity[] entities, string reason, string? rule = null) => new()
    {
        HandoffId = "h1",
        CreatedAt = Start,
        Customer = new PacketCustomer { Id = "c1", DisplayName = "Customer on web chat", Identities = ["webchat:1"] },
        Channels = [new PacketChannel { Channel = "webchat", ConversationId = "conv1", ReplyWindowOpen = true, Current = true }],
        Routing = new PacketRouting { Reason = reason, Rule = rule, Queue = "support", Priority = HandoffPriority.Normal },
        Entities = entities,
        Sentiment = new PacketSentiment { Trend = "steady", Points = [] },
        BotAnswers = [],
        Summary = string.Empty,
        Transcript = messages.Select((m, i) => new PacketMessage
        {
            At = Start.AddMinutes(i),
            From = m.StartsWith("bot:", StringComparison.Ordinal) ? "bot" : "customer",
            Channel = "webchat",
            Text = m.StartsWith("bot:", StringComparison.Ordinal) ? m[4..] : m,
        }).ToList(),
    };
}
