using System.Globalization;
using System.Text.Json;
using Omnichannel.Bots.Knowledge;

namespace Omnichannel.Bots.Cli;

/// <summary><c>omnibot kb search DIR "question" [--top K] [--json] [--data DIR]</c>: ranked articles with confidence and the decision.</summary>
internal static class KbSearchCommand
{
    public static async Task<int> RunAsync(Request request, CliConsole console, CancellationToken cancellationToken)
    {
        var stdout = console.Out;
        KnowledgeAnswer answer;
        try
        {
            using var session = await KbSession.OpenAsync(request.Folder, request.DataDirectory, console.Error, cancellationToken).ConfigureAwait(false);
            if (session is null)
            {
                return 1;
            }

            var searcher = await session.BuildSearcherAsync(cancellationToken).ConfigureAwait(false);
            answer = await searcher.AskAsync(request.Question, KnowledgeFilter.None, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            return await console.UsageErrorAsync(ex.Message).ConfigureAwait(false);
        }

        var matches = answer.Matches.Take(request.Top).ToList();
        if (request.Json)
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

    /// <summary>The parsed arguments of one search.</summary>
    internal sealed record Request(string Folder, string Question, int Top, bool Json, string? DataDirectory);

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
