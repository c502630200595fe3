using System.Text.Json;
using System.Text.Json.Nodes;

namespace Omnichannel.Bots.Knowledge.Qdrant;

/// <summary>
/// The request bodies the store sends (shaped after Qdrant's OpenAPI schemas) and the mapping of a point's payload
/// back to a <see cref="KnowledgeChunk"/>. Payload: the chunk's fields in snake_case plus lower-cased filter keys
/// (<c>locale_key</c>, <c>locale_path</c> = the locale and its parents, <c>tag_keys</c>, <c>channel_keys</c>), so a
/// Qdrant filter matches exactly what the embedded store's filter matches.
/// </summary>
internal static class QdrantBodies
{
    public const string DenseVector = "dense";
    public const string SparseVector = "lexical";

    /// <summary>The keyword payload indexes every physical collection gets.</summary>
    public static IReadOnlyList<string> IndexedFields { get; } = ["article_id", "locale_key", "locale_path", "tag_keys", "channel_keys"];

    public static JsonObject CreateCollection(int dimensions) => new()
    {
        ["vectors"] = new JsonObject { [DenseVector] = new JsonObject { ["size"] = dimensions, ["distance"] = "Cosine" } },
        ["sparse_vectors"] = new JsonObject { [SparseVector] = new JsonObject { ["modifier"] = "idf" } },
    };

    public static JsonObject KeywordIndex(string field) => new() { ["field_name"] = field, ["field_schema"] = "keyword" };

    public static JsonObject Point(KnowledgeRecord record)
    {
        var chunk = record.Chunk;
        var terms = LexicalAnalyzer.Default.Analyze(EmbeddedKnowledgeStore.SearchText(chunk));
        return new JsonObject
        {
            ["id"] = QdrantPointId.For(chunk.Id),
            ["vector"] = new JsonObject { [DenseVector] = Floats(record.Embedding.Span), [SparseVector] = Sparse(terms) },
            ["payload"] = Payload(chunk),
        };
    }

    public static JsonObject Sparse(LexicalTerms terms)
    {
        var indices = new JsonArray();
        var values = new JsonArray();
        for (var i = 0; i < terms.Count; i++)
        {
            indices.Add(terms.Ids[i]);
            values.Add(terms.Frequencies[i]);
        }

        return new JsonObject { ["indices"] = indices, ["values"] = values };
    }

    public static JsonArray Floats(ReadOnlySpan<float> vector)
    {
        var array = new JsonArray();
        foreach (var value in vector)
        {
            array.Add(value);
        }

        return array;
    }

    public static JsonObject Payload(KnowledgeChunk chunk) => new()
    {
        ["chunk_id"] = chunk.Id,
        ["article_id"] = chunk.ArticleId,
        ["kind"] = chunk.Kind == KnowledgeChunkKind.Question ? "question" : "passage",
        ["title"] = chunk.Title,
        ["heading"] = chunk.Heading,
        ["text"] = chunk.Text,
        ["locale"] = chunk.Locale,
        ["tags"] = Strings(chunk.Tags),
        ["channels"] = Strings(chunk.Channels),
        ["content_hash"] = chunk.ContentHash,
        ["locale_key"] = Key(chunk.Locale),
        ["locale_path"] = Strings(LocalePath(chunk.Locale)),
        ["tag_keys"] = Strings(chunk.Tags.Select(Key).Distinct(StringComparer.Ordinal).ToList()),
        ["channel_keys"] = Strings(chunk.Channels.Select(Key).Distinct(StringComparer.Ordinal).ToList()),
    };

    /// <summary>The filter for <paramref name="filter"/>, or null when it restricts nothing.</summary>
    public static JsonObject? Filter(KnowledgeFilter filter)
    {
        var must = new JsonArray();
        if (!string.IsNullOrEmpty(filter.Locale))
        {
            // The chunk's locale is the requested one or a parent of it (en for en-US), or the requested one is a parent of the chunk's.
            must.Add(new JsonObject
            {
                ["should"] = new JsonArray(
                    new JsonObject { ["key"] = "locale_key", ["match"] = new JsonObject { ["any"] = Strings(LocalePath(filter.Locale)) } },
                    new JsonObject { ["key"] = "locale_path", ["match"] = new JsonObject { ["value"] = Key(filter.Locale) } }),
            });
        }

        foreach (var tag in filter.Tags.Select(Key).Distinct(StringComparer.Ordinal))
        {
            must.Add(new JsonObject { ["key"] = "tag_keys", ["match"] = new JsonObject { ["value"] = tag } });
        }

        if (!string.IsNullOrEmpty(filter.Channel))
        {
            must.Add(new JsonObject
            {
                ["should"] = new JsonArray(
                    new JsonObject { ["is_empty"] = new JsonObject { ["key"] = "channel_keys" } },
                    new JsonObject { ["key"] = "channel_keys", ["match"] = new JsonObject { ["value"] = Key(filter.Channel) } }),
            });
        }

        return must.Count == 0 ? null : new JsonObject { ["must"] = must };
    }

    /// <summary>Reads a point's payload back into the chunk it was written from.</summary>
    public static KnowledgeChunk Chunk(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A point has no payload object.");
        }

        return new KnowledgeChunk
        {
            Id = RequiredString(payload, "chunk_id"),
            ArticleId = RequiredString(payload, "article_id"),
            Kind = RequiredString(payload, "kind") switch
            {
                "question" => KnowledgeChunkKind.Question,
                "passage" => KnowledgeChunkKind.Passage,
                var other => throw new JsonException($"A point's payload has kind '{other}' (expected passage or question)."),
            },
            Title = RequiredString(payload, "title"),
            Heading = payload.TryGetProperty("heading", out var heading) && heading.ValueKind == JsonValueKind.String ? heading.GetString() : null,
            Text = RequiredString(payload, "text"),
            Locale = RequiredString(payload, "locale"),
            Tags = StringList(payload, "tags"),
            Channels = StringList(payload, "channels"),
            ContentHash = RequiredString(payload, "content_hash"),
        };
    }

    public static string RequiredString(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new JsonException($"A point's payload has no string '{name}'.");

    /// <summary>The lower-cased locale and each parent (<c>en-US-x-foo</c> → en-us-x-foo, en-us-x, en-us, en); '_' counts as '-'.</summary>
    internal static List<string> LocalePath(string locale)
    {
        var key = Key(locale).Replace('_', '-');
        var path = new List<string> { key };
        for (var dash = key.LastIndexOf('-'); dash > 0; dash = key.LastIndexOf('-', dash - 1))
        {
            path.Add(key[..dash]);
        }

        return path;
    }

    private static string Key(string value) => value.Trim().ToLowerInvariant().Replace('_', '-');

    private static JsonArray Strings(IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add(value);
        }

        return array;
    }

    private static List<string> StringList(JsonElement payload, string name)
    {
        if (!payload.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException($"A point's payload field '{name}' is not an array.");
        }

        return value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new JsonException($"A point's payload field '{name}' holds a non-string.")).ToList();
    }
}
