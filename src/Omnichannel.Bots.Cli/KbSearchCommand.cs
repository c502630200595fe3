using System.Globalization;
using System.Text.Json;
using Omnichannel.Bots.Knowledge;

namespace Omnichannel.Bots.Cli;

/// <summary><c>omnibot kb search DIR "question" [--top K] [--json] [--data DIR]</c>: ranked articles with confidence and the decision.</summary>
internal static class KbSearchCommand
{
    public const string Usage = """
        usage: omnibot kb search DIR "question" [--top K] [--json] [--data DIR]
          --top K     articles to show (default 5)
          --json      one JSON object: question, decision, threshold, matches [{id, title, confidence, source, hits}]
          --data DIR  where knowledge.db lives (default: DIR/../.omnibot/<name of DIR>)
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        KbArguments parsed;
        int top;
        try
        {
            parsed = KbArguments.Parse(args, new HashSet<string> { "--top", "--data" }, new HashSet<string> { "--json" });
            if (parsed.Positional.Count != 2)
            {
                throw new ArgumentException(parsed.Positional.Count < 2 ? "needs DIR and a question." : $"unexpected argument '{parsed.Positional[2]}' (quote the question).");
            }

            if (string.IsNullOrWhiteSpace(parsed.Positional[1]))
            {
                throw new ArgumentException("the question is empty.");
            }

            top = parsed.PositiveInt("--top", 5);
        }
        catch (ArgumentException ex)
        {
            return await KbIndexCommand.UsageErrorAsync(stderr, "kb search", ex.Message, Usage).ConfigureAwait(false);
        }

        KnowledgeAnswer answer;
        try
        {
            using var session = await KbSession.OpenAsync(parsed.Positional[0], parsed.Values.GetValueOrDefault("--data"), stderr, cancellationToken).ConfigureAwait(false);
            if (session is null)
            {
                return 1;
            }

            var searcher = await session.BuildSearcherAsync(cancellationToken).ConfigureAwait(false);
            answer = await searcher.AskAsync(parsed.Positional[1], KnowledgeFilter.None, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            return await KbIndexCommand.UsageErrorAsync(stderr, "kb search", ex.Message, Usage).ConfigureAwait(false);
        }

        var matches = answer.Matches.Take(top).ToList();
        if (parsed.Flags.Contains("--json"))
        {
            await stdout.WriteLineAsync(Json(answer, matches)).ConfigureAwait(false);
            return 0;
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{answer.Decision} (confidence {answer.Best?.Confidence ?? 0:F2}, threshold {answer.Threshold:F2})")).ConfigureAwait(false);
        for (var i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{i + 1,2}. {m.Confidence:F2}  {m.Article.Id}  {m.Article.Title}  ({m.Article.Source})")).ConfigureAwait(false);
        }

        return 0;
    }

    private static string Json(KnowledgeAnswer answer, List<ArticleMatch> matches)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("question", answer.Question);
            writer.WriteString("decision", answer.Decision.ToString().ToLowerInvariant());
            writer.WriteNumber("threshold", Math.Round(answer.Threshold, 4));
            writer.WriteStartArray("matches");
            foreach (var m in matches)
            {
                writer.WriteStartObject();
                writer.WriteString("id", m.Article.Id);
                writer.WriteString("title", m.Article.Title);
                writer.WriteNumber("confidence", Math.Round(m.Confidence, 4));
                writer.WriteString("source", m.Article.Source.ToString());
                writer.WriteStartArray("hits");
                foreach (var hit in m.Hits)
                {
                    writer.WriteStartObject();
                    writer.WriteString("chunk", hit.Chunk.Id);
                    writer.WriteNumber("score", Math.Round(hit.Score, 6));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
