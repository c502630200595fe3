namespace Omnichannel.Bots.Knowledge.Tests.Answers;

/// <summary>A small help centre for composition and dialog tests.</summary>
internal static class AnswerArticles
{
    public const string ShippingFull =
        "Standard delivery takes **3-5 business days**; express takes 1-2. See [tracking](track-an-order.md) to follow your parcel.\n\n## Processing time\nOrders placed before 2 pm ship the same day.";

    public const string ShippingShort = "Standard delivery takes 3-5 business days; express 1-2.";

    public static KnowledgeArticle Shipping { get; } = new()
    {
        Id = "shipping-times",
        Title = "How long does delivery take?",
        Locale = "en",
        Answer = ShippingFull,
        ShortAnswer = ShippingShort,
        Related = ["track-an-order", "international-shipping", "no-such-article"],
        Url = "https://help.acme-outdoor.example/shipping-times",
        Source = new KnowledgeSource("shipping/shipping-times.md", 1),
    };

    public static KnowledgeArticle Tracking { get; } = new()
    {
        Id = "track-an-order",
        Title = "Track an order",
        Locale = "en",
        Answer = "Use the tracking link in your shipping email.",
        ShortAnswer = "Use the tracking link in your shipping email.",
        Related = ["shipping-times"],
        Url = "https://help.acme-outdoor.example/track-an-order",
        Source = new KnowledgeSource("shipping/track-an-order.md", 1),
    };

    /// <summary>Web chat only, no public link.</summary>
    public static KnowledgeArticle International { get; } = new()
    {
        Id = "international-shipping",
        Title = "International orders",
        Locale = "en",
        Answer = "We ship to 30 countries.",
        Channels = ["webchat"],
        Source = new KnowledgeSource("shipping/international-shipping.md", 1),
    };

    /// <summary>No short answer; links of every kind.</summary>
    public static KnowledgeArticle Returns { get; } = new()
    {
        Id = "returns-policy",
        Title = "Returns policy",
        Locale = "en",
        Answer = "You have 30 days. Pack it as in [packing](../shipping/international-shipping.md), print the [label](label.pdf) and [track it](../shipping/track-an-order.md#status).",
        Url = "https://help.acme-outdoor.example/returns-policy",
        Source = new KnowledgeSource("returns/returns-policy.md", 1),
    };

    public static KnowledgeArticle Refunds { get; } = new()
    {
        Id = "refund-timing",
        Title = "When will I get my refund?",
        Locale = "en",
        Answer = "Refunds reach your account within 5 business days of us receiving the return.",
        ShortAnswer = "Within 5 business days of us receiving the return.",
        Url = "https://help.acme-outdoor.example/refund-timing",
        Source = new KnowledgeSource("returns/refund-timing.md", 1),
    };

    public static IReadOnlyList<KnowledgeArticle> All { get; } = [Shipping, Tracking, International, Returns, Refunds];

    public static KnowledgeArticle? Find(string id) => All.FirstOrDefault(a => a.Id == id);

    public static KnowledgeAnswer Answer(KnowledgeDecision decision, params KnowledgeArticle[] articles) => new(
        "question",
        decision,
        [.. articles.Select((a, i) => new ArticleMatch(a, 0.9 - (0.1 * i), []))],
        0.5);
}
