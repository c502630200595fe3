using System.Text.Json.Nodes;
using Omnichannel.Bots.Knowledge.StoreConformance;

namespace Omnichannel.Bots.Knowledge.Qdrant.Tests;

/// <summary>
/// Contract checks: every request the store sends to the stand-in, through a scenario that uses every operation it
/// has, validates against its operation in Qdrant's OpenAPI 3.0 file (strictly: no undeclared keys), and every body the
/// stand-in answered with validates against the operation's response schema; the store parses the response bodies
/// Qdrant documents (tests/data/qdrant/examples, sources in tests/data/README.md). Not conformance with a running Qdrant.
/// </summary>
public sealed class ContractTests
{
    [Fact]
    public async Task EveryRequestAndStandInResponse_FullScenario_ValidatesAgainstOpenApi()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        var record = QdrantTestHost.Record("refunds#passage-how", "Refunds take five days", [1, 0, 0, 0], "en-US", ["billing"], ["webchat"]);
        standIn.ScrollPages.Enqueue((new JsonArray(new JsonObject { ["id"] = QdrantPointId.For(record.Chunk.Id), ["payload"] = QdrantBodies.Payload(record.Chunk) }), QdrantPointId.For("next")));
        standIn.QueryPoints = new JsonArray(new JsonObject { ["id"] = QdrantPointId.For(record.Chunk.Id), ["version"] = 1, ["score"] = 0.5, ["payload"] = QdrantBodies.Payload(record.Chunk) });
        using var services = QdrantTestHost.Services(standIn.Url, o => o.ApiKey = "key");
        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);
        standIn.AliasTarget = "knowledge-20261125120000000";

        await store.ApplyAsync([record], ["gone#question-1"], CancellationToken.None);
        await store.GetContentHashesAsync(CancellationToken.None);
        await store.ReplaceAllAsync([record], CancellationToken.None);
        await store.SearchAsync(new KnowledgeSearchRequest("refund", new float[] { 1, 0, 0, 0 }, 3), CancellationToken.None);
        await store.SearchAsync(new KnowledgeSearchRequest("refund", new float[] { 1, 0, 0, 0 }, 3)
        {
            Filter = new KnowledgeFilter { Locale = "en", Tags = ["billing", "eu"], Channel = "webchat" },
        }, CancellationToken.None);
        await store.SearchAsync(new KnowledgeSearchRequest("...", new float[] { 1, 0, 0, 0 }, 3), CancellationToken.None);

        var contract = QdrantOpenApiContract.Default;
        var operations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (request, reply) in standIn.Replies)
        {
            contract.ValidateRequest(request.Method, request.Path + request.Query, request.Body);
            contract.ValidateResponse(request.Method, request.Path, reply.Status, reply.Body);
            operations.Add(request.Method + " " + System.Text.RegularExpressions.Regex.Replace(request.Path, "knowledge[-0-9a-z]*", "{name}"));
        }

        Assert.Equal(
            ["DELETE /collections/{name}", "GET /aliases", "POST /collections/aliases", "POST /collections/{name}/points/delete", "POST /collections/{name}/points/query",
             "POST /collections/{name}/points/scroll", "PUT /collections/{name}", "PUT /collections/{name}/index", "PUT /collections/{name}/points"],
            operations.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task OpenAsync_ExistingCollection_RequestsAndStandInCollectionInfoValidate()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-1";
        using var services = QdrantTestHost.Services(standIn.Url);
        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);

        foreach (var (request, reply) in standIn.Replies)
        {
            QdrantOpenApiContract.Default.ValidateRequest(request.Method, request.Path + request.Query, request.Body);
            QdrantOpenApiContract.Default.ValidateResponse(request.Method, request.Path, reply.Status, reply.Body);
        }

        Assert.Contains(standIn.Replies, r => r.Request.Path == "/collections/knowledge-1");
    }

    [Fact]
    public void ErrorBody_StandInShape_ValidatesAsErrorResponseAndBadBodiesFail()
    {
        QdrantOpenApiContract.Default.ValidateResponse("POST", "/collections/knowledge/points/query", 500, QdrantStandIn.Error("boom"));
        Assert.Equal("/collections/{collection_name}/points/query", QdrantOpenApiContract.Default.FindTemplate("POST", "/collections/knowledge/points/query"));

        // The validator is live: a query body with an unknown filter clause fails.
        Assert.Throws<QdrantContractException>(() => QdrantOpenApiContract.Default.ValidateRequest(
            "POST", "/collections/knowledge/points/query", """{"limit": 3, "filter": {"all_of": []}}"""));
    }

    [Fact]
    public async Task ApplyAndReplaceAll_QdrantDocumentedWriteResponses_AreParsed()
    {
        // Write answers as Qdrant documents them: "result": true (create collection; the same bool result answers alias
        // changes and deletes) and an UpdateResult (add points; the same schema answers index creation and point deletes).
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-1"; // served now; ReplaceAllAsync builds a new collection and deletes this one
        var contract = QdrantOpenApiContract.Default;
        var accepted = QdrantDocumentedExamples.Read(QdrantDocumentedExamples.CreateCollection);
        var updated = QdrantDocumentedExamples.Read(QdrantDocumentedExamples.UpsertPoints);
        standIn.Responder = request => request.Method switch
        {
            "PUT" when request.Path.EndsWith("/points", StringComparison.Ordinal) || request.Path.EndsWith("/index", StringComparison.Ordinal) => new StandInReply(200, updated),
            "POST" when request.Path.EndsWith("/points/delete", StringComparison.Ordinal) => new StandInReply(200, updated),
            "PUT" or "DELETE" => new StandInReply(200, accepted),
            "POST" when request.Path == "/collections/aliases" => new StandInReply(200, accepted),
            _ => null,
        };
        using var services = QdrantTestHost.Services(standIn.Url);
        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);
        var record = QdrantTestHost.Record("a#passage-x", "text", [1, 0, 0, 0]);

        await store.ApplyAsync([record], ["b#passage-y"], CancellationToken.None);
        await store.ReplaceAllAsync([record], CancellationToken.None);

        Assert.Contains(standIn.Replies, r => r.Request.Path == "/collections/aliases" && r.Reply.Body == accepted);
        Assert.Contains(standIn.Replies, r => r.Request.Path.EndsWith("/points/delete", StringComparison.Ordinal) && r.Reply.Body == updated);
        Assert.Contains(standIn.Replies, r => r.Request.Method == "DELETE" && r.Reply.Body == accepted);
        Assert.All(standIn.Replies, r => contract.ValidateRequest(r.Request.Method, r.Request.Path + r.Request.Query, r.Request.Body));
    }

    [Fact]
    public async Task SearchAsync_QdrantDocumentedQueryResponse_ForeignPayloadIsAClearError()
    {
        // The documented point carries {"city": "London", "color": "green"}: not a payload this store wrote.
        var error = await SearchFailureAsync(QdrantDocumentedExamples.QueryPoints);

        Assert.Contains("documented shape", error.Message, StringComparison.Ordinal);
        Assert.Contains("chunk_id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_QdrantDocumentedQueryResponseWithOurPayload_ParsesIntoHits()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-1";
        var contract = QdrantOpenApiContract.Default;
        using var services = QdrantTestHost.Services(standIn.Url);
        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);
        var record = QdrantTestHost.Record("refunds#passage-how", "Refunds take five days", [1, 0, 0, 0], "en-US", ["billing"], ["webchat"]);
        await store.ApplyAsync([record], [], CancellationToken.None);
        var upsert = JsonNode.Parse(standIn.Requests.Last(r => r.Path.EndsWith("/points", StringComparison.Ordinal) && r.Method == "PUT").Body!)!;

        // The documented response, with only the point's payload replaced by the one the store wrote.
        var documented = QdrantDocumentedExamples.Parse(QdrantDocumentedExamples.QueryPoints);
        var point = Assert.Single(documented["result"]!["points"]!.AsArray())!;
        point["payload"] = upsert["points"]![0]!["payload"]!.DeepClone();
        contract.ValidateResponse("POST", "/collections/knowledge/points/query", 200, documented.ToJsonString());
        standIn.Responder = request => request.Path.EndsWith("/points/query", StringComparison.Ordinal) ? new StandInReply(200, documented.ToJsonString()) : null;

        var hits = await store.SearchAsync(new KnowledgeSearchRequest("refund", new float[] { 1, 0, 0, 0 }, 3), CancellationToken.None);

        var hit = Assert.Single(hits);
        Assert.Equal(record.Chunk, hit.Chunk with { Tags = record.Chunk.Tags, Channels = record.Chunk.Channels });
        Assert.Equal(["billing"], hit.Chunk.Tags);
        Assert.Equal(["webchat"], hit.Chunk.Channels);
        Assert.Equal(0.75, hit.Score, 6);
    }

    [Fact]
    public async Task SearchAsync_DocumentationSearchResultArray_IsAClearError()
    {
        // Qdrant's documentation shows "result" as an array of scored ids (the older /points/search shape); v1.19's
        // /points/query answers an object with "points". The store names the mismatch instead of returning nothing.
        var error = await SearchFailureAsync(QdrantDocumentedExamples.SearchResultArray);

        Assert.Contains("/points/query", error.Message, StringComparison.Ordinal);
        Assert.Contains("documented shape", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_QdrantDocumentedCollectionInfoWithAnUnnamedVector_IsAClearError()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-1";
        var documented = QdrantDocumentedExamples.Read(QdrantDocumentedExamples.CollectionInfo);
        standIn.Responder = request => request is { Method: "GET", Path: "/collections/knowledge-1" } ? new StandInReply(200, documented) : null;
        using var services = QdrantTestHost.Services(standIn.Url);

        var error = await Assert.ThrowsAsync<KnowledgeUnavailableException>(() => QdrantTestHost.OpenAsync(services, dimensions: 384));

        Assert.Contains("no dense vector named 'dense'", error.Message, StringComparison.Ordinal);
        Assert.Contains("knowledge-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_QdrantDocumentedCollectionInfoWithTheStoresNamedVectors_ReadsTheSize()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-1";

        // The documented collection info, with only config.params.vectors replaced by the named vectors this store creates.
        var documented = QdrantDocumentedExamples.Parse(QdrantDocumentedExamples.CollectionInfo);
        var parameters = documented["result"]!["config"]!["params"]!.AsObject();
        parameters["vectors"] = new JsonObject { ["dense"] = new JsonObject { ["size"] = 384, ["distance"] = "Cosine" } };
        parameters["sparse_vectors"] = new JsonObject { ["lexical"] = new JsonObject { ["modifier"] = "idf" } };
        QdrantOpenApiContract.Default.ValidateResponse("GET", "/collections/knowledge-1", 200, documented.ToJsonString());
        standIn.Responder = request => request is { Method: "GET", Path: "/collections/knowledge-1" } ? new StandInReply(200, documented.ToJsonString()) : null;
        using var services = QdrantTestHost.Services(standIn.Url);

        using var store = await QdrantTestHost.OpenAsync(services, dimensions: null);

        Assert.Equal(384, store.Dimensions);
    }

    [Fact]
    public async Task OpenAsync_QdrantDocumentedAliasList_FollowsTheAliasToItsCollection()
    {
        // The OpenAPI AliasDescription example: alias "blogs-title" → collection "arivx-title".
        await using var standIn = await QdrantStandIn.StartAsync();
        var documented = QdrantDocumentedExamples.Read(QdrantDocumentedExamples.GetAliases);
        standIn.Responder = request => request is { Method: "GET", Path: "/aliases" } ? new StandInReply(200, documented) : null;
        using var services = QdrantTestHost.Services(standIn.Url, o => o.Collection = "blogs-title");

        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);

        Assert.Contains(standIn.Requests, r => r is { Method: "GET", Path: "/collections/arivx-title" });
        Assert.DoesNotContain(standIn.Requests, r => r.Method == "PUT");
        Assert.Equal(4, store.Dimensions);
    }

    [Fact]
    public async Task GetContentHashesAsync_QdrantDocumentedScrollPage_ForeignPayloadIsAClearError()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-1";
        var documented = QdrantDocumentedExamples.Read(QdrantDocumentedExamples.ScrollPoints);
        standIn.Responder = request => request.Path.EndsWith("/points/scroll", StringComparison.Ordinal) ? new StandInReply(200, documented) : null;
        using var services = QdrantTestHost.Services(standIn.Url);
        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);

        var error = await Assert.ThrowsAsync<KnowledgeUnavailableException>(() => store.GetContentHashesAsync(CancellationToken.None));

        Assert.Contains("/points/scroll", error.Message, StringComparison.Ordinal);
        Assert.Contains("chunk_id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetContentHashesAsync_QdrantDocumentedScrollPageWithOurPayload_ReadsTheHashAndFollowsTheNumericOffset()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-1";

        // The documented page (next_page_offset 1), with only the point's payload replaced by the fields the store asks for.
        var documented = QdrantDocumentedExamples.Parse(QdrantDocumentedExamples.ScrollPoints);
        documented["result"]!["points"]![0]!["payload"] = new JsonObject { ["chunk_id"] = "refunds#passage-how", ["content_hash"] = "hash-1" };
        using var services = QdrantTestHost.Services(standIn.Url);
        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);
        standIn.Responder = request => request.Path.EndsWith("/points/scroll", StringComparison.Ordinal) && standIn.Requests.Count(r => r.Path.EndsWith("/points/scroll", StringComparison.Ordinal)) == 1
            ? new StandInReply(200, documented.ToJsonString())
            : null; // the second page: the stand-in's default, an empty page without next_page_offset

        var hashes = await store.GetContentHashesAsync(CancellationToken.None);

        Assert.Equal("hash-1", Assert.Single(hashes, h => h.Key == "refunds#passage-how").Value);
        var scrolls = standIn.Requests.Where(r => r.Path.EndsWith("/points/scroll", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, scrolls.Count);
        Assert.Null(JsonNode.Parse(scrolls[0].Body!)!["offset"]);
        Assert.Equal(1, JsonNode.Parse(scrolls[1].Body!)!["offset"]!.GetValue<int>());
    }

    /// <summary>A search whose /points/query answer is the documented example <paramref name="example"/>: the error it ends in.</summary>
    private static async Task<KnowledgeUnavailableException> SearchFailureAsync(string example)
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-1";
        var documented = QdrantDocumentedExamples.Read(example);
        standIn.Responder = request => request.Path.EndsWith("/points/query", StringComparison.Ordinal) ? new StandInReply(200, documented) : null;
        using var services = QdrantTestHost.Services(standIn.Url);
        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);
        return await Assert.ThrowsAsync<KnowledgeUnavailableException>(() => store.SearchAsync(new KnowledgeSearchRequest("x", new float[] { 1, 0, 0, 0 }, 3), CancellationToken.None));
    }
}
