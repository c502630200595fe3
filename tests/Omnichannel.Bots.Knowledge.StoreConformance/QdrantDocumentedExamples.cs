using System.Text.Json.Nodes;

namespace Omnichannel.Bots.Knowledge.StoreConformance;

/// <summary>
/// Qdrant's documented response bodies (<c>tests/data/qdrant/examples</c>, copied to <c>qdrant/examples</c> in the test
/// output); <c>tests/data/README.md</c> names the documentation section or OpenAPI example each one comes from.
/// </summary>
public static class QdrantDocumentedExamples
{
    /// <summary><c>PUT /collections/{name}</c>: <c>result: true</c> (OpenAPI description, "Examples" § "Create collection").</summary>
    public const string CreateCollection = "create-collection.json";

    /// <summary><c>PUT /collections/{name}/points</c>: an <c>UpdateResult</c> (OpenAPI description, "Examples" § "Add points").</summary>
    public const string UpsertPoints = "upsert-points.json";

    /// <summary><c>GET /collections/{name}</c> with one unnamed 384-dimension vector (documentation, Collections § "Collection info").</summary>
    public const string CollectionInfo = "collection-info.json";

    /// <summary><c>POST /collections/{name}/points/scroll</c>: one point, <c>next_page_offset</c> 1 (documentation, Points § "Scroll points").</summary>
    public const string ScrollPoints = "scroll-points.json";

    /// <summary>The documentation's search result, <c>result</c> as an array of scored ids (Search § "Search API").</summary>
    public const string SearchResultArray = "search-result-array.json";

    /// <summary><c>GET /aliases</c>: the <c>AliasDescription</c> example in the OpenAPI envelope.</summary>
    public const string GetAliases = "get-aliases.json";

    /// <summary><c>POST /collections/{name}/points/query</c>: one <c>ScoredPoint</c> of the OpenAPI schema examples.</summary>
    public const string QueryPoints = "query-points.json";

    /// <summary>The folder the examples are read from.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "qdrant", "examples");

    /// <summary>The example's text, exactly as stored. Throws <see cref="FileNotFoundException"/> naming the path when absent.</summary>
    public static string Read(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var path = Path.Combine(Folder, fileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Qdrant's documented example is missing: expected '{path}', copied from tests/data/qdrant/examples/{fileName} by the Omnichannel.Bots.Knowledge.StoreConformance project.", path);
        }

        return File.ReadAllText(path);
    }

    /// <summary>The example parsed, for tests that change one part of it (and say which).</summary>
    public static JsonObject Parse(string fileName) =>
        JsonNode.Parse(Read(fileName))?.AsObject() ?? throw new InvalidDataException($"Qdrant example '{fileName}' is not a JSON object.");
}
