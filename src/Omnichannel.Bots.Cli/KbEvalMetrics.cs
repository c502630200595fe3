using System.Text.Json;
using Omnichannel.Bots.Knowledge;

namespace Omnichannel.Bots.Cli;

/// <summary>
/// The <c>kb eval</c> numbers. top1/top3/mrr rank in-scope queries whatever the decision; in_scope_accuracy counts an
/// in-scope query right when the bot answers (or offers as the first choice of a clarification) the expected article;
/// a declined one is wrong. oos precision/recall treat "declined" as "flagged out of scope". Rates are 0..1.
/// </summary>
internal sealed record KbEvalMetrics(
    int Queries, int InScope, int OutOfScopeCount, double? Top1, double? Top3, double? Mrr, double? InScopeAccuracy,
    double? OosPrecision, double? OosRecall, double LatencyP50, double LatencyP99, double Threshold, int Answered, int Clarified, int Declined)
{
    public static KbEvalMetrics Compute(IReadOnlyList<KbEvalQuery> queries, IReadOnlyList<KnowledgeAnswer> answers, IReadOnlyList<double> latenciesMs, double threshold)
    {
        int inScope = 0, oos = 0, top1 = 0, top3 = 0, right = 0, declinedOos = 0, declinedIn = 0;
        double mrr = 0;
        for (var i = 0; i < queries.Count; i++)
        {
            var answer = answers[i];
            var declined = answer.Decision == KnowledgeDecision.Decline;
            if (queries[i].IsOutOfScope)
            {
                oos++;
                declinedOos += declined ? 1 : 0;
                continue;
            }

            inScope++;
            declinedIn += declined ? 1 : 0;
            var rank = answer.Matches.Select(m => m.Article.Id).ToList().IndexOf(queries[i].ExpectedId);
            top1 += rank == 0 ? 1 : 0;
            top3 += rank is >= 0 and < 3 ? 1 : 0;
            mrr += rank >= 0 ? 1.0 / (rank + 1) : 0;
            right += !declined && rank == 0 ? 1 : 0;
        }

        double? Rate(double count, int total) => total == 0 ? null : count / total;
        var sorted = latenciesMs.Order().ToList();
        return new KbEvalMetrics(
            queries.Count, inScope, oos, Rate(top1, inScope), Rate(top3, inScope), Rate(mrr, inScope), Rate(right, inScope),
            oos == 0 ? null : declinedOos + declinedIn == 0 ? 0 : (double)declinedOos / (declinedOos + declinedIn),
            oos == 0 ? null : (double)declinedOos / oos,
            Percentile(sorted, 50), Percentile(sorted, 99), threshold,
            answers.Count(a => a.Decision == KnowledgeDecision.Answer), answers.Count(a => a.Decision == KnowledgeDecision.Clarify), answers.Count(a => a.Decision == KnowledgeDecision.Decline));
    }

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("queries", Queries);
            Number(writer, "top1", Top1);
            Number(writer, "top3", Top3);
            Number(writer, "mrr", Mrr);
            Number(writer, "in_scope_accuracy", InScopeAccuracy);
            Number(writer, "oos_precision", OosPrecision);
            Number(writer, "oos_recall", OosRecall);
            writer.WriteStartObject("latency_ms");
            writer.WriteNumber("p50", Math.Round(LatencyP50, 3));
            writer.WriteNumber("p99", Math.Round(LatencyP99, 3));
            writer.WriteEndObject();
            writer.WriteNumber("in_scope_queries", InScope);
            writer.WriteNumber("oos_queries", OutOfScopeCount);
            writer.WriteNumber("threshold", Math.Round(Threshold, 4));
            writer.WriteStartObject("decisions");
            writer.WriteNumber("answer", Answered);
            writer.WriteNumber("clarify", Clarified);
            writer.WriteNumber("decline", Declined);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, Math.Round(v, 6));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static double Percentile(List<double> sorted, double percentile) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
