using Omnichannel.Bots.Knowledge;

namespace Omnichannel.Bots.Knowledge.Tests.Retrieval;

public sealed class LinearClassifierTests
{
    private static readonly string[] Labels = ["refund", "shipping", "password"];

    [Fact]
    public void Train_SeparableToySet_PredictsEachClassOnUnseenPhrasings()
    {
        var classifier = LinearClassifier.Train(ToySet(), Labels, seed: 3, CancellationToken.None);

        Assert.Equal(0, Predict(classifier, "refund of my money please", [1, 0, 0]));
        Assert.Equal(1, Predict(classifier, "parcel delivery is late", [0, 1, 0]));
        Assert.Equal(2, Predict(classifier, "forgot the password again", [0, 0, 1]));
    }

    [Fact]
    public void Train_SameSeed_SameProbabilities()
    {
        var first = LinearClassifier.Train(ToySet(), Labels, seed: 11, CancellationToken.None);
        var second = LinearClassifier.Train(ToySet(), Labels, seed: 11, CancellationToken.None);

        Assert.Equal(Probabilities(first, "where is my refund", [0.6f, 0.8f, 0]), Probabilities(second, "where is my refund", [0.6f, 0.8f, 0]));
    }

    [Fact]
    public void Bind_ArticlesRenamedOrGone_MapsKnownIdsOnlyAndUnknownToMinusOne()
    {
        var classifier = LinearClassifier.Train(ToySet(), Labels, seed: 3, CancellationToken.None);

        Assert.Equal([1, -1, 0], classifier.Bind(["password", "refund", "new-article"]));
    }

    [Fact]
    public void Train_Cancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => LinearClassifier.Train(ToySet(), Labels, seed: 3, cancellation.Token));
    }

    private static List<ArticleMember> ToySet()
    {
        (int Article, string Text, float[] Vector)[] rows =
        [
            (0, "I want a refund", [1, 0, 0]),
            (0, "give me my money back", [0.9f, 0.1f, 0]),
            (0, "refund my order", [1, 0.1f, 0]),
            (1, "when will my parcel arrive", [0, 1, 0]),
            (1, "delivery takes too long", [0.1f, 0.9f, 0]),
            (1, "track my parcel delivery", [0, 1, 0.1f]),
            (2, "reset my password", [0, 0, 1]),
            (2, "I forgot my password", [0, 0.1f, 0.9f]),
            (2, "cannot log in, password wrong", [0.1f, 0, 1]),
        ];
        return rows.Select(r => new ArticleMember(r.Article, r.Text, Normalized(r.Vector), LexicalAnalyzer.Default.Analyze(r.Text), IsQuestion: true)).ToList();
    }

    private static float[] Probabilities(LinearClassifier classifier, string text, float[] vector)
    {
        var probabilities = new float[classifier.Classes];
        classifier.Predict(LexicalAnalyzer.Default.Analyze(text), Normalized(vector), probabilities);
        return probabilities;
    }

    private static int Predict(LinearClassifier classifier, string text, float[] vector)
    {
        var probabilities = Probabilities(classifier, text, vector);
        Assert.Equal(1f, probabilities.Sum(), 3);
        return Array.IndexOf(probabilities, probabilities.Max());
    }

    private static float[] Normalized(float[] vector)
    {
        var copy = vector.ToArray();
        ArticleModel.Normalize(copy);
        return copy;
    }
}
