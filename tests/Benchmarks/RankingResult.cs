using System.Globalization;

namespace Benchmarks;

/// <summary>Top-1, top-3, MRR and time per query of one configuration on one query set.</summary>
public sealed record RankingResult(string Name, int Queries, double Top1, double Top3, double Mrr, double MsPerQuery)
{
    public static RankingResult Score(string name, IReadOnlyList<LabelledQuery> queries, Func<string, IReadOnlyList<string>> rank)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(rank);
        double top1 = 0, top3 = 0, mrr = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var query in queries)
        {
            var ranked = rank(query.Text);
            for (var r = 0; r < ranked.Count; r++)
            {
                if (ranked[r] == query.Label)
                {
                    top1 += r == 0 ? 1 : 0;
                    top3 += r < 3 ? 1 : 0;
                    mrr += 1.0 / (r + 1);
                    break;
                }
            }
        }

        var ms = watch.Elapsed.TotalMilliseconds / Math.Max(1, queries.Count);
        return new RankingResult(name, queries.Count, top1 / queries.Count, top3 / queries.Count, mrr / queries.Count, ms);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Name,-46} | {Queries,5} | {Top1 * 100,6:F2} | {Top3 * 100,6:F2} | {Mrr,6:F4} | {MsPerQuery,7:F3} |");

    public const string Header = "| configuration                                  | queries |  top-1 |  top-3 |    MRR | ms/query |\n|---|---|---|---|---|---|";
}
