using System.Security.Cryptography;
using System.Text;
using Markdig;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Splits an article into what is indexed: one passage per section (by heading; the <c>## Short</c> section is not
/// indexed separately, it repeats the answer) and one chunk per example question. Chunk ids are stable across edits
/// of other sections, and each chunk's content hash covers the embedding model, so a model change re-embeds all.
/// </summary>
public static class KnowledgeChunker
{
    private static readonly MarkdownPipeline PlainText = new MarkdownPipelineBuilder().Build();

    public static IReadOnlyList<KnowledgeChunk> Chunk(KnowledgeArticle article, string embeddingModelId)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(embeddingModelId);
        var chunks = new List<KnowledgeChunk>();
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in article.Sections)
        {
            var text = ToPlainText(section.Markdown);
            if (text.Length == 0)
            {
                continue;
            }

            var slug = section.Heading is null ? "lead" : Slug(section.Heading);
            chunks.Add(Create(article, KnowledgeChunkKind.Passage, Unique(usedIds, $"{article.Id}#p-{slug}"), section.Heading, text, embeddingModelId));
        }

        for (var i = 0; i < article.Questions.Count; i++)
        {
            var question = article.Questions[i].Trim();
            if (question.Length > 0)
            {
                chunks.Add(Create(article, KnowledgeChunkKind.Question, Unique(usedIds, $"{article.Id}#q-{i + 1}"), null, question, embeddingModelId));
            }
        }

        return chunks;
    }

    /// <summary>Markdown to the plain text that is searched and embedded: markup removed, link texts kept, whitespace collapsed.</summary>
    public static string ToPlainText(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var plain = Markdown.ToPlainText(markdown, PlainText);
        return string.Join(' ', plain.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static KnowledgeChunk Create(KnowledgeArticle article, KnowledgeChunkKind kind, string id, string? heading, string text, string model) => new()
    {
        Id = id,
        ArticleId = article.Id,
        Kind = kind,
        Title = article.Title,
        Heading = heading,
        Text = text,
        Locale = article.Locale,
        Tags = article.Tags,
        Channels = article.Channels,
        ContentHash = Hash(model, kind.ToString(), article.Title, heading ?? string.Empty, text, article.Locale, string.Join('\u001f', article.Tags), string.Join('\u001f', article.Channels)),
    };

    private static string Unique(HashSet<string> used, string id)
    {
        var candidate = id;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{id}-{n}";
        }

        return candidate;
    }

    private static string Slug(string heading)
    {
        var builder = new StringBuilder(heading.Length);
        foreach (var c in heading.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-') is { Length: > 0 } slug ? slug : "section";
    }

    private static string Hash(params string[] parts)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', parts)));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 16));
    }
}
