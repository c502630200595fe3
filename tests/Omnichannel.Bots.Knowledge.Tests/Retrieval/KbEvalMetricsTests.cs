using System.Text.Json;
using Omnichannel.Bots.Cli;

namespace Omnichannel.Bots.Knowledge.Tests.Retrieval;

/// <summary>
/// The <c>kb eval</c> numbers on a hand-made list of ranked results, every expected value worked out by hand below
/// (definitions: the README's "Stable external contract", <c>kb eval --json</c>).
/// </summary>
public sealed class KbEvalMetricsTests
{
    private static readonly Dictionary<string, KnowledgeArticle> Articles = new[] { "a", "b", "c", "d" }
        .ToDictionary(id => id, id => RetrievalFixtures.Article(id, "Title " + id, "Answer " + id + ".", ["question " + id]));

    // Row  expected  decision  ranked matches  rank of expected  counts as right (in_scope_accuracy)
    // q1   a         Answer    a b c           1                 yes (answered with a)
    // q2   a         Answer    b a c           2                 no  (answered with b)
    // q3   a         Clarify   c b a           3                 no  (first choice offered is c)
    // q4   a         Answer    b c d           absent            no
    // q5   b         Decline   b a             1                 no  (declined in scope: counted wrong)
    // q6   c         Clarify   c d             1                 yes (first choice offered is c)
    // q7   oos       Decline   d               -                 oos declined (true positive)
    // q8   oos       Answer    c               -                 oos answered (missed)
    // q9   oos       Answer    (none)          -                 oos answered (missed)
    //
    // In scope: q1..q6 = 6 queries; out of scope: q7..q9 = 3.
    // top1 = ranks equal to 1: q1, q5, q6 = 3/6 = 0.5
    // top3 = ranks 1..3: q1, q2, q3, q5, q6 = 5/6
    // mrr = (1 + 1/2 + 1/3 + 0 + 1 + 1) / 6 = (23/6) / 6 = 23/36
    // in_scope_accuracy = right: q1, q6 = 2/6 = 1/3
    // declined: q5 (in scope) and q7 (oos) -> oos_precision = 1 oos of 2 declined = 1/2
    // oos_recall = oos declined / oos = 1/3
    // Latencies (ms) q1..q9: 12 3 7 1 9 4 30 5 2; sorted: 1 2 3 4 5 7 9 12 30.
    // Nearest rank: p50 is the ceil(0.50 * 9) = 5th = 5; p99 is the ceil(0.99 * 9) = 9th = 30.
    // Decisions: answer q1 q2 q4 q8 q9 = 5, clarify q3 q6 = 2, decline q5 q7 = 2.
    private static readonly (string Expected, KnowledgeDecision Decision, string[] Ranked, double LatencyMs)[] Rows =
    [
        ("a", KnowledgeDecision.Answer, ["a", "b", "c"], 12),
        ("a", KnowledgeDecision.Answer, ["b", "a", "c"], 3),
        ("a", KnowledgeDecision.Clarify, ["c", "b", "a"], 7),
        ("a", KnowledgeDecision.Answer, ["b", "c", "d"], 1),
        ("b", KnowledgeDecision.Decline, ["b", "a"], 9),
        ("c", KnowledgeDecision.Clarify, ["c", "d"], 4),
        ("oos", KnowledgeDecision.Decline, ["d"], 30),
        ("oos", KnowledgeDecision.Answer, ["c"], 5),
        ("oos", KnowledgeDecision.Answer, [], 2),
    ];

    [Fact]
    public void Compute_HandMadeRankings_EveryRateAsWorkedOutByHand()
    {
        var metrics = Compute(Rows);

        Assert.Equal(9, metrics.Queries);
        Assert.Equal(6, metrics.InScope);
        Assert.Equal(3, metrics.OutOfScopeCount);
        Assert.Equal(0.5, metrics.Top1!.Value, 12);
        Assert.Equal(5.0 / 6, metrics.Top3!.Value, 12);
        Assert.Equal(23.0 / 36, metrics.Mrr!.Value, 12);
        Assert.Equal(1.0 / 3, metrics.InScopeAccuracy!.Value, 12);
        Assert.Equal(0.5, metrics.OosPrecision!.Value, 12);
        Assert.Equal(1.0 / 3, metrics.OosRecall!.Value, 12);
        Assert.Equal(5, metrics.LatencyP50);
        Assert.Equal(30, metrics.LatencyP99);
        Assert.Equal((5, 2, 2), (metrics.Answered, metrics.Clarified, metrics.Declined));
    }

    [Fact]
    public void ToJson_HandMadeRankings_DocumentedKeysRoundedToSixDigits()
    {
        using var document = JsonDocument.Parse(Compute(Rows).ToJson());
        var root = document.RootElement;

        Assert.Equal(9, root.GetProperty("queries").GetInt32());
        Assert.Equal(0.5, root.GetProperty("top1").GetDouble());
        Assert.Equal(0.833333, root.GetProperty("top3").GetDouble());
        Assert.Equal(0.638889, root.GetProperty("mrr").GetDouble());
        Assert.Equal(0.333333, root.GetProperty("in_scope_accuracy").GetDouble());
        Assert.Equal(0.5, root.GetProperty("oos_precision").GetDouble());
        Assert.Equal(0.333333, root.GetProperty("oos_recall").GetDouble());
        Assert.Equal(5, root.GetProperty("latency_ms").GetProperty("p50").GetDouble());
        Assert.Equal(30, root.GetProperty("latency_ms").GetProperty("p99").GetDouble());
    }

    [Fact]
    public void Compute_NoOosRowsAndNothingDeclined_OosRatesNull()
    {
        // Only q1 and q2: top1 1/2, top3 2/2, mrr (1 + 1/2) / 2 = 3/4, accuracy 1/2; no oos rows -> both oos rates null.
        var metrics = Compute(Rows[..2]);

        Assert.Equal(0.5, metrics.Top1!.Value, 12);
        Assert.Equal(1.0, metrics.Top3!.Value, 12);
        Assert.Equal(0.75, metrics.Mrr!.Value, 12);
        Assert.Equal(0.5, metrics.InScopeAccuracy!.Value, 12);
        Assert.Null(metrics.OosPrecision);
        Assert.Null(metrics.OosRecall);
    }

    [Fact]
    public void Compute_OnlyOosRows_InScopeRatesNull()
    {
        // Only q7..q9: no in-scope rows -> top1, top3, mrr, accuracy null; declined q7 only -> precision 1/1, recall 1/3.
        var metrics = Compute(Rows[6..]);

        Assert.Null(metrics.Top1);
        Assert.Null(metrics.Top3);
        Assert.Null(metrics.Mrr);
        Assert.Null(metrics.InScopeAccuracy);
        Assert.Equal(1.0, metrics.OosPrecision!.Value, 12);
        Assert.Equal(1.0 / 3, metrics.OosRecall!.Value, 12);
    }

    private static KbEvalMetrics Compute((string Expected, KnowledgeDecision Decision, string[] Ranked, double LatencyMs)[] rows)
    {
        var queries = rows.Select((r, i) => new KbEvalQuery("q" + (i + 1), r.Expected, i + 1)).ToList();
        var answers = rows.Select((r, i) => new KnowledgeAnswer(
            "q" + (i + 1),
            r.Decision,
            [.. r.Ranked.Select((id, rank) => new ArticleMatch(Articles[id], 0.9 - (0.1 * rank), []))],
            0.5)).ToList();
        return KbEvalMetrics.Compute(queries, answers, [.. rows.Select(r => r.LatencyMs)], threshold: 0.5);
    }
}
