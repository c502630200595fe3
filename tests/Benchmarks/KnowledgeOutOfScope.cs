using System.Globalization;
using Microsoft.Extensions.AI;
using Omnichannel.Bots.Knowledge;

namespace Benchmarks;

/// <summary>
/// Out-of-scope detection: 10 BANKING77 intents (chosen with seed 7) are left out of the knowledge; their test
/// questions must be declined, the other intents' test questions answered. Prints the calibrated threshold and
/// out-of-scope precision/recall (a declined question counts as "flagged out of scope").
/// </summary>
public static class KnowledgeOutOfScope
{
    public static async Task RunAsync(List<LabelledQuery> train, List<LabelledQuery> test, IEmbeddingGenerator<string, Embedding<float>> embedder)
    {
        var random = new Random(7);
        var held = train.Select(e => e.Label).Distinct().Order(StringComparer.Ordinal).OrderBy(_ => random.Next()).Take(10).ToHashSet();
        Console.WriteLine();
        Console.WriteLine($"## Out of scope: knowledge without 10 intents (seed 7: {string.Join(", ", held.Order(StringComparer.Ordinal))}); their test questions must be declined");
        Console.WriteLine("| knowledge | threshold | clarify margin | in-scope answered right | in-scope clarify | in-scope declined | oos precision | oos recall |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var (name, source) in new[] { ("full", train), ("10 per intent", KnowledgeCommand.FirstPerLabel(train, 10)) })
        {
            var examples = source.Where(e => !held.Contains(e.Label)).ToList();
            var (searcher, _, _, _) = await KnowledgeCorpus.BuildAsync(KnowledgeCorpus.ArticlesFromExamples(examples), embedder, KnowledgeSearchOptions.Default);
            int right = 0, clarify = 0, declinedIn = 0, inScope = 0, oos = 0, declinedOos = 0;
            foreach (var q in test)
            {
                var answer = await searcher.AskAsync(q.Text, KnowledgeFilter.None, CancellationToken.None);
                if (held.Contains(q.Label))
                {
                    oos++;
                    declinedOos += answer.Decision == KnowledgeDecision.Decline ? 1 : 0;
                }
                else
                {
                    inScope++;
                    right += answer.Decision == KnowledgeDecision.Answer && answer.Best?.Article.Id == q.Label ? 1 : 0;
                    clarify += answer.Decision == KnowledgeDecision.Clarify ? 1 : 0;
                    declinedIn += answer.Decision == KnowledgeDecision.Decline ? 1 : 0;
                }
            }

            var precision = declinedOos + declinedIn == 0 ? double.NaN : (double)declinedOos / (declinedOos + declinedIn);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {searcher.Threshold:F2} | {searcher.Calibration.ClarifyMargin:F3} | {100.0 * right / inScope:F1}% | {100.0 * clarify / inScope:F1}% | {100.0 * declinedIn / inScope:F1}% | {precision * 100:F1}% | {100.0 * declinedOos / oos:F1}% |"));
        }
    }
}
