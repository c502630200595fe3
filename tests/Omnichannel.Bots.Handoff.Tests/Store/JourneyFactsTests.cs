using Omnichannel.Bots.Handoff.Storage.Sqlite;
using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Handoff.Tests.Store;

/// <summary>
/// The journey facts are written in the turn's commit and by the desk's own writes, and read back (with the latest
/// ticket) in one statement; a gap of more than a day between messages starts a new journey.
/// </summary>
public sealed class JourneyFactsTests
{
    private static readonly KnowledgeAttempt Declined = new(Answered: false, Confidence: 0.1, []);
    private static readonly KnowledgeAttempt Answered = new(Answered: true, Confidence: 0.9, []);

    [Fact]
    public async Task Commit_TurnsWithInsights_FactsFoldedInTheSameCommit()
    {
        using var store = new StoreHarness();
        var journeys = new SqliteJourneyStore(store.Database);
        var first = await store.ReceiveAsync("refund 900 EUR");
        await store.CommitAsync(first, insights: new TurnInsights
        {
            Sentiment = -0.5,
            Knowledge = Declined,
            Intent = new PacketIntent("refunds", 0.8),
            Entities = [new PacketEntity("amount", "900 EUR", "900 EUR")],
        });
        foreach (var score in (double[])[0.1, 0.2, 0.3])
        {
            await store.CommitAsync(await store.ReceiveAsync("still there?"), insights: new TurnInsights { Sentiment = score, Knowledge = Declined });
        }

        var facts = await journeys.GetAsync(first.CustomerId, CancellationToken.None);

        Assert.Equal(4, facts.DeclineStreak);
        Assert.Equal([0.1, 0.2, 0.3], facts.RecentSentiments);
        Assert.Equal("refunds", facts.LastIntent);
        Assert.Equal([900m], facts.Amounts);
        Assert.Equal(StoreHarness.Start, facts.LastMessageAt);
        Assert.Null(facts.LatestTicket);
        Assert.Null(facts.PendingClarify);

        await store.CommitAsync(await store.ReceiveAsync("thanks"), insights: new TurnInsights { Knowledge = Answered });
        Assert.Equal(0, (await journeys.GetAsync(first.CustomerId, CancellationToken.None)).DeclineStreak);
    }

    [Fact]
    public async Task Commit_AfterMoreThanADay_NewJourneyStartsFromThisMessage()
    {
        using var store = new StoreHarness();
        var journeys = new SqliteJourneyStore(store.Database);
        var first = await store.ReceiveAsync("hello");
        await store.CommitAsync(first, insights: new TurnInsights { Sentiment = -0.9, Knowledge = Declined, Intent = new PacketIntent("billing", null) });

        store.Time.Advance(Journey.Gap + TimeSpan.FromMinutes(1));
        await store.CommitAsync(await store.ReceiveAsync("back again"), insights: new TurnInsights { Sentiment = 0.4 });

        var facts = await journeys.GetAsync(first.CustomerId, CancellationToken.None);
        Assert.Equal(0, facts.DeclineStreak);
        Assert.Equal([0.4], facts.RecentSentiments);
        Assert.Null(facts.LastIntent);
        Assert.Equal(store.Time.GetUtcNow(), facts.LastMessageAt);
    }

    [Fact]
    public async Task GetAsync_AfterEscalationAndResolveWithRating_LatestTicketAndRatingConversation()
    {
        using var store = new StoreHarness();
        var journeys = new SqliteJourneyStore(store.Database);
        var ticket = await store.EscalateAsync();

        var open = await journeys.GetAsync(ticket.CustomerId, CancellationToken.None);
        Assert.Equal((ticket.Id, HandoffTicketStatus.Queued), (open.LatestTicket?.Id, open.LatestTicket?.Status));
        Assert.Equal(ChannelId.Sms, open.LatestTicket?.Channel);

        Assert.True((await store.Handoffs.ClaimAsync(ticket.Id, "alice", null, store.Time.GetUtcNow(), CancellationToken.None)).Claimed);
        var conversation = await store.ConversationAsync(ticket.CustomerId, ticket.ConversationId);
        var rating = new BotMessage
        {
            Id = "rate-1",
            Channel = conversation.Channel,
            Conversation = conversation.Address,
            Text = "How would you rate the help you got (1-5)?",
        };
        Assert.NotNull(await store.Handoffs.CloseAsync(
            ticket.Id,
            new HandoffClosing("alice", HandoffTicketStatus.Resolved, [rating]) { AsksForCsat = true },
            ticket.ConversationId,
            store.Time.GetUtcNow(),
            CancellationToken.None));

        var closed = await journeys.GetAsync(ticket.CustomerId, CancellationToken.None);
        Assert.Equal(HandoffTicketStatus.Resolved, closed.LatestTicket?.Status);
        Assert.Equal(ticket.ConversationId, closed.RatingConversationId);

        // A bot reply in that conversation means its last message no longer asks for the rating.
        await store.CommitAsync(await store.ReceiveAsync("one more question"));
        Assert.Null((await journeys.GetAsync(ticket.CustomerId, CancellationToken.None)).RatingConversationId);
    }

    [Fact]
    public async Task Commit_ClarifyRecordThenAnotherReply_PendingClarifySetThenCleared()
    {
        using var store = new StoreHarness();
        var journeys = new SqliteJourneyStore(store.Database);
        var entry = await store.ReceiveAsync("my card");
        var snapshot = await store.Turns.LoadAsync(entry, "root", CancellationToken.None);
        await store.Turns.CommitAsync(
            new TurnCommit
            {
                Inbound = entry,
                Status = TurnStatus.Completed,
                Replies = [StoreHarness.Reply(entry, "Is this about a lost card?")],
                ExpectedOwnerEpoch = snapshot.Conversation.OwnerEpoch,
                Records = [new JourneyTurn("Is this about a lost card?")],
            },
            CancellationToken.None);

        Assert.Equal("Is this about a lost card?", (await journeys.GetAsync(entry.CustomerId, CancellationToken.None)).PendingClarify);

        await store.CommitAsync(await store.ReceiveAsync("yes"));
        Assert.Null((await journeys.GetAsync(entry.CustomerId, CancellationToken.None)).PendingClarify);
    }

    [Fact]
    public async Task GetAsync_UnknownCustomer_EmptyFacts()
    {
        using var store = new StoreHarness();

        var facts = await new SqliteJourneyStore(store.Database).GetAsync("cus_nobody", CancellationToken.None);

        Assert.Equal(JourneyFacts.Empty, facts);
    }
}
