using Omnichannel.Bots.Knowledge;

namespace Omnichannel.Bots.Knowledge.Tests.Retrieval;

/// <summary>Small in-code knowledge bases and helpers to index them.</summary>
internal static class RetrievalFixtures
{
    public static KnowledgeArticle Article(string id, string title, string answer, string[] questions, string locale = "en", string[]? tags = null, string[]? channels = null) => new()
    {
        Id = id,
        Title = title,
        Locale = locale,
        Tags = tags ?? [],
        Channels = channels ?? [],
        Questions = questions,
        Answer = answer,
        Sections = [new KnowledgeSection(null, answer, 6)],
        Source = new KnowledgeSource(id + ".md", 1),
    };

    /// <summary>A shop help centre: six articles with a few example questions each.</summary>
    public static List<KnowledgeArticle> Shop() =>
    [
        Article("shipping-times", "How long does delivery take?", "Standard delivery takes 3-5 business days; express takes 1-2.", ["When will my order arrive?", "how long is shipping", "delivery time to my address", "how many days until my parcel comes"]),
        Article("track-order", "Track your order", "Use the tracking link in your confirmation email to follow the parcel.", ["where is my package", "track my order", "tracking number for my parcel", "follow my shipment"]),
        Article("returns", "Return an item", "You can return unused items within 30 days with the returns form.", ["how do I return something", "send an item back", "return policy", "can I give back a product I bought"]),
        Article("refunds", "When do I get my refund?", "Refunds reach your card 5 days after we receive the return.", ["where is my refund", "money back after return", "refund has not arrived", "how long does a refund take"]),
        Article("reset-password", "Reset your password", "Click 'Forgot password' on the sign-in page and follow the email.", ["I forgot my password", "cannot log in to my account", "reset password", "change my login password"]),
        Article("payment-methods", "Which payment methods do you accept?", "We accept Visa, Mastercard, PayPal and bank transfer.", ["can I pay with paypal", "payment options", "do you take credit cards", "pay by bank transfer"]),
    ];

    /// <summary>A different base: a bike workshop with other topics and wording.</summary>
    public static List<KnowledgeArticle> Workshop() =>
    [
        Article("opening-hours", "Opening hours", "The workshop is open Monday to Saturday, 9 to 18.", ["when are you open", "opening hours", "are you open on sunday"]),
        Article("service-price", "What does a bike service cost?", "A standard service costs 59 euros, a full service 119.", ["price of a bike service", "how much is a tune up", "service cost"]),
        Article("booking", "Book a repair", "Book a repair slot online or call us.", ["book a repair", "make an appointment", "reserve a slot for my bike"]),
        Article("flat-tyre", "Fix a flat tyre", "We replace inner tubes while you wait, in about 15 minutes.", ["my tyre is flat", "puncture repair", "replace an inner tube"]),
    ];

    public static async Task<EmbeddedKnowledgeStore> IndexAsync(IEnumerable<KnowledgeArticle> articles, HashingEmbeddingGenerator embedder, EmbeddedKnowledgeStore? store = null)
    {
        store ??= EmbeddedKnowledgeStore.CreateInMemory();
        await store.ReplaceAllAsync(Records(articles, embedder), CancellationToken.None);
        return store;
    }

    public static List<KnowledgeRecord> Records(IEnumerable<KnowledgeArticle> articles, HashingEmbeddingGenerator embedder) =>
        articles.SelectMany(a => KnowledgeChunker.Chunk(a, "hashing-32")).Select(c => new KnowledgeRecord(c, embedder.Embed(c.Text))).ToList();

    public static async Task<KnowledgeSearcher> SearcherAsync(List<KnowledgeArticle> articles, KnowledgeSearchOptions? options = null)
    {
        var embedder = new HashingEmbeddingGenerator();
        var store = await IndexAsync(articles, embedder);
        return await KnowledgeSearcher.BuildAsync(articles, store, embedder, options ?? KnowledgeSearchOptions.Default, CancellationToken.None);
    }
}
