using Omnichannel.Bots.Knowledge;

namespace SupportBot.Tests;

/// <summary>A scripted knowledge base for the sample's tests: shipping questions are answered, everything else declined.</summary>
internal sealed class SampleKnowledgeBase : IKnowledgeBase
{
    public const string ShortAnswer = "Standard delivery takes 3-5 business days; express 1-2.";

    public static readonly KnowledgeArticle Shipping = new()
    {
        Id = "shipping-times",
        Title = "How long does delivery take?",
        Locale = "en",
        Answer = "Standard delivery takes **3-5 business days**; express takes 1-2.\n\n## Processing time\nOrders placed before 2 pm ship the same day.",
        ShortAnswer = ShortAnswer,
        Url = "https://help.acme-outdoor.example/shipping-times",
        Related = ["track-an-order"],
        Source = new KnowledgeSource("shipping-times.md", 1),
    };

    public static readonly KnowledgeArticle Tracking = new()
    {
        Id = "track-an-order",
        Title = "Tracking",
        Locale = "en",
        Answer = "Use the tracking link in your shipping email, or tell me your order number.",
        Source = new KnowledgeSource("track-an-order.md", 1),
    };

    private readonly Lock _lock = new();
    private readonly List<string> _asked = [];

    public IReadOnlyList<string> Asked
    {
        get
        {
            lock (_lock)
            {
                return [.. _asked];
            }
        }
    }

    public Task<KnowledgeAnswer> AskAsync(string question, KnowledgeFilter filter, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _asked.Add(question);
        }

        return Task.FromResult(question.Contains("shipping", StringComparison.OrdinalIgnoreCase)
            ? new KnowledgeAnswer(question, KnowledgeDecision.Answer, [new ArticleMatch(Shipping, 0.9, [])], 0.5)
            : new KnowledgeAnswer(question, KnowledgeDecision.Decline, [new ArticleMatch(Tracking, 0.2, [])], 0.5));
    }

    public KnowledgeArticle? FindArticle(string id) => id switch
    {
        "shipping-times" => Shipping,
        "track-an-order" => Tracking,
        _ => null,
    };
}
