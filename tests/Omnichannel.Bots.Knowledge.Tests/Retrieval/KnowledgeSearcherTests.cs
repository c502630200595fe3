using Omnichannel.Bots.Knowledge;

namespace Omnichannel.Bots.Knowledge.Tests.Retrieval;

public sealed class KnowledgeSearcherTests
{
    [Fact]
    public async Task AskAsync_ParaphrasedQuestion_RanksItsArticleFirstWithItsChunks()
    {
        var searcher = await RetrievalFixtures.SearcherAsync(RetrievalFixtures.Shop());

        var answer = await searcher.AskAsync("how long until my refund arrives on my card", KnowledgeFilter.None, CancellationToken.None);

        Assert.Equal("refunds", answer.Best?.Article.Id);
        Assert.NotEmpty(answer.Best!.Hits);
        Assert.All(answer.Best.Hits, h => Assert.Equal("refunds", h.Chunk.ArticleId));
        Assert.True(answer.Matches.Zip(answer.Matches.Skip(1)).All(p => p.First.Confidence >= p.Second.Confidence));
        Assert.All(answer.Matches, m => Assert.InRange(m.Confidence, 0, 1));
        Assert.Equal(searcher.Threshold, answer.Threshold);
    }

    [Fact]
    public async Task BuildAsync_TwoDifferentKnowledgeBases_CalibrateDifferentThresholdsFromTheirQuestions()
    {
        var shop = await RetrievalFixtures.SearcherAsync(RetrievalFixtures.Shop());
        var workshop = await RetrievalFixtures.SearcherAsync(RetrievalFixtures.Workshop());

        Assert.True(shop.Calibration.Samples > 0);
        Assert.True(workshop.Calibration.Samples > 0);
        Assert.NotEqual(shop.Calibration, workshop.Calibration);
        Assert.NotEqual(shop.Threshold, workshop.Threshold);
        Assert.InRange(shop.Threshold, KnowledgeSearchOptions.Default.MinimumThreshold, 1);
    }

    [Fact]
    public async Task AskAsync_OffTopicQuestion_Declined()
    {
        var searcher = await RetrievalFixtures.SearcherAsync(RetrievalFixtures.Shop());

        var answer = await searcher.AskAsync("what is the capital of mongolia", KnowledgeFilter.None, CancellationToken.None);

        Assert.Equal(KnowledgeDecision.Decline, answer.Decision);
    }

    [Fact]
    public async Task AskAsync_OnTopicQuestion_Answered()
    {
        var searcher = await RetrievalFixtures.SearcherAsync(RetrievalFixtures.Shop());

        var answer = await searcher.AskAsync("I forgot my password", KnowledgeFilter.None, CancellationToken.None);

        Assert.Equal(KnowledgeDecision.Answer, answer.Decision);
        Assert.Equal("reset-password", answer.Best?.Article.Id);
        Assert.True(answer.Best!.Confidence >= answer.Threshold);
    }

    [Fact]
    public async Task AskAsync_TwoNearIdenticalArticles_Clarify()
    {
        var articles = RetrievalFixtures.Shop();
        articles.Add(RetrievalFixtures.Article("reset-password-app", "Reset your password in the app", "In the app, tap 'Forgot password' and follow the email.", ["I forgot my password", "cannot log in to my account", "reset password", "change my login password"]));
        var searcher = await RetrievalFixtures.SearcherAsync(articles);

        var answer = await searcher.AskAsync("I forgot my password", KnowledgeFilter.None, CancellationToken.None);

        Assert.Equal(KnowledgeDecision.Clarify, answer.Decision);
        Assert.Equal(["reset-password", "reset-password-app"], answer.Matches.Take(2).Select(m => m.Article.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AskAsync_Filter_OnlyMatchingArticlesRanked()
    {
        var articles = RetrievalFixtures.Shop();
        articles[4] = articles[4] with { Channels = ["webchat"] };
        var searcher = await RetrievalFixtures.SearcherAsync(articles);

        var sms = await searcher.AskAsync("I forgot my password", new KnowledgeFilter { Channel = "sms" }, CancellationToken.None);
        var web = await searcher.AskAsync("I forgot my password", new KnowledgeFilter { Channel = "webchat" }, CancellationToken.None);

        Assert.DoesNotContain(sms.Matches, m => m.Article.Id == "reset-password");
        Assert.DoesNotContain(sms.Matches.SelectMany(m => m.Hits), h => h.Chunk.ArticleId == "reset-password");
        Assert.Equal("reset-password", web.Best?.Article.Id);
    }

    [Fact]
    public async Task BuildAsync_GivenCalibration_ReusedWithoutCrossValidation()
    {
        var calibration = new KnowledgeCalibration(0.61, 0.02, 10, 20, -4, 123);
        var searcher = await RetrievalFixtures.SearcherAsync(RetrievalFixtures.Shop(), KnowledgeSearchOptions.Default with { Calibration = calibration });

        var recalibrated = searcher.WithCalibration(await searcher.CalibrateAsync(CancellationToken.None));

        Assert.Equal(0.61, searcher.Threshold);
        Assert.NotEqual(123, recalibrated.Calibration.Samples);
        Assert.Equal(searcher.Articles, recalibrated.Articles);
    }

    [Fact]
    public async Task BuildAsync_TooFewExampleQuestions_DefaultCalibration()
    {
        var searcher = await RetrievalFixtures.SearcherAsync(
        [
            RetrievalFixtures.Article("a", "Opening hours", "We open at nine.", ["when do you open"]),
            RetrievalFixtures.Article("b", "Prices", "A service costs 59 euros.", []),
        ]);

        Assert.Equal(0, searcher.Calibration.Samples);
        Assert.Equal(KnowledgeCalibration.Default.Threshold, searcher.Threshold);
    }

    [Fact]
    public async Task BuildAsync_StoreIndexedWithAnotherModel_ThrowsNamingTheSizes()
    {
        var articles = RetrievalFixtures.Shop();
        using var store = await RetrievalFixtures.IndexAsync(articles, new HashingEmbeddingGenerator(32));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            KnowledgeSearcher.BuildAsync(articles, store, new HashingEmbeddingGenerator(16), KnowledgeSearchOptions.Default, CancellationToken.None));

        Assert.Contains("(16, 32)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_WithACarriedCalibration_UsesItsClassifierWithoutRetraining()
    {
        var articles = RetrievalFixtures.Shop();
        var embedder = new HashingEmbeddingGenerator();
        var store = await RetrievalFixtures.IndexAsync(articles, embedder);
        var options = KnowledgeSearchOptions.Default with { LearnWeights = false, Weights = KnowledgeFusionWeights.Default with { Classifier = 3 } };
        var calibrated = await KnowledgeSearcher.BuildAsync(articles, store, embedder, options, CancellationToken.None);
        Assert.NotNull(calibrated.Calibration.Classifier);

        var fast = await KnowledgeSearcher.BuildAsync(articles, store, embedder, options with { Calibration = calibrated.Calibration }, CancellationToken.None);
        var withoutClassifier = await KnowledgeSearcher.BuildAsync(articles, store, embedder, options with { Calibration = calibrated.Calibration with { Classifier = null } }, CancellationToken.None);

        string[] questions = ["how long until my refund arrives", "can I pay with paypal", "my parcel is late", "forgot my login"];
        var differs = false;
        foreach (var question in questions)
        {
            var expected = await calibrated.AskAsync(question, KnowledgeFilter.None, CancellationToken.None);
            var actual = await fast.AskAsync(question, KnowledgeFilter.None, CancellationToken.None);
            var without = await withoutClassifier.AskAsync(question, KnowledgeFilter.None, CancellationToken.None);
            Assert.Equal(expected.Matches.Select(m => (m.Article.Id, m.Confidence)), actual.Matches.Select(m => (m.Article.Id, m.Confidence)));
            differs |= !expected.Matches.Select(m => m.Confidence).SequenceEqual(without.Matches.Select(m => m.Confidence));
        }

        Assert.True(differs, "the classifier feature changed no confidence: the test would not notice the fast path dropping it");
    }
}
