using Omnichannel.Bots.Handoff;
using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Handoff.Tests.Packets;

public sealed class JourneyTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 18, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_GapOverADay_StartsTheJourneyAfterTheGap()
    {
        var transcript = new[]
        {
            Inbound(1, Start, "old question"),
            Inbound(2, Start.AddDays(2), "new question"),
            Inbound(3, Start.AddDays(2).AddMinutes(5), "follow-up"),
        };

        var journey = Journey.From(transcript);

        Assert.Equal(["new question", "follow-up"], journey.Entries.Select(e => e.Message.Text));
    }

    [Fact]
    public void From_Cutoff_EndsAtTheCutoffInclusive()
    {
        var transcript = new[] { Inbound(1, Start, "a"), Inbound(2, Start.AddMinutes(1), "b"), Inbound(3, Start.AddMinutes(2), "c") };

        var journey = Journey.From(transcript, Start.AddMinutes(1));

        Assert.Equal(["a", "b"], journey.Entries.Select(e => e.Message.Text));
    }

    [Fact]
    public void From_EmptyTranscript_IsEmpty() => Assert.Empty(Journey.From([]).Entries);

    [Fact]
    public void LowConfidenceStreak_CountsDeclinesSinceTheLastConfidentAnswer_SkippingTurnsWithoutKnowledge()
    {
        var transcript = new[]
        {
            Inbound(1, Start, "q1", new TurnInsights { Knowledge = new KnowledgeAttempt(false, 0.1, []) }),
            Inbound(2, Start.AddMinutes(1), "q2", new TurnInsights { Knowledge = new KnowledgeAttempt(true, 0.9, []) }),
            Inbound(3, Start.AddMinutes(2), "q3", new TurnInsights { Knowledge = new KnowledgeAttempt(false, 0.2, []) }),
            Inbound(4, Start.AddMinutes(3), "menu", new TurnInsights { Sentiment = 0 }),
            Inbound(5, Start.AddMinutes(4), "q4", new TurnInsights { Knowledge = new KnowledgeAttempt(false, 0.3, []) }),
        };

        Assert.Equal(2, Journey.From(transcript).LowConfidenceStreak());
    }

    [Fact]
    public void Entities_DedupesByKindAndValue_KeepingTheFirstMention()
    {
        var first = new PacketEntity("order_number", "A-1042", "A-1042");
        var transcript = new[]
        {
            Inbound(1, Start, "order A-1042", new TurnInsights { Entities = [first] }),
            Inbound(2, Start.AddMinutes(1), "again a-1042", new TurnInsights { Entities = [first with { Text = "a-1042" }, new PacketEntity("email", "jane@example.com", "Jane@Example.com")] }),
        };

        var entities = Journey.From(transcript).Entities();

        Assert.Equal(2, entities.Count);
        Assert.Equal("A-1042", entities[0].Text);
        Assert.Equal(Start, entities[0].At);
        Assert.Equal("email", entities[1].Kind);
    }

    [Fact]
    public void LastIntentAndCustomerName_ComeFromTheLatestMessagesThatHaveThem()
    {
        var transcript = new[]
        {
            Inbound(1, Start, "a", new TurnInsights { Intent = new PacketIntent("shipping-times", 0.8) }, name: "Jane"),
            Inbound(2, Start.AddMinutes(1), "b", new TurnInsights { Sentiment = -0.2 }),
        };

        var journey = Journey.From(transcript);

        Assert.Equal("shipping-times", journey.LastIntent()?.Name);
        Assert.Equal("Jane", journey.CustomerName());
    }

    internal static TranscriptEntry Inbound(long id, DateTimeOffset at, string text, TurnInsights? insights = null, string? name = null) =>
        new(id, "conversation-1", "customer-1", ChannelId.WebChat, MessageDirection.Inbound, new BotMessage
        {
            Id = "m" + id,
            Channel = ChannelId.WebChat,
            Conversation = new ConversationAddress("account", "chat"),
            Sender = new Participant("user-1", name),
            Text = text,
            Timestamp = at,
        }, at)
        { Insights = insights };
}
