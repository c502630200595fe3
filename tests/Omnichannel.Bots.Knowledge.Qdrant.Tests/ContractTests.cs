using System.Text.Json.Nodes;
using Omnichannel.Bots.Knowledge.StoreConformance;

namespace Omnichannel.Bots.Knowledge.Qdrant.Tests;

/// <summary>
/// Contract checks: every request the store sends to the stand-in, through a scenario that uses every operation it
/// has, validates against its operation in Qdrant's OpenAPI 3.0 file, and every body the stand-in answered with
/// validates against the operation's response schema. Not conformance with a running Qdrant.
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
    public async Task WritesAndHashes_ResponsesGeneratedFromTheSchemas_AreParsed()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        var contract = QdrantOpenApiContract.Default;
        standIn.Responder = request => request.Method == "GET" && request.Path.StartsWith("/collections/", StringComparison.Ordinal)
            ? null
            : new StandInReply(200, contract.SampleResponse(request.Method, request.Path));
        using var services = QdrantTestHost.Services(standIn.Url);
        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);
        var record = QdrantTestHost.Record("a#passage-x", "text", [1, 0, 0, 0]);

        await store.ApplyAsync([record], ["b#passage-y"], CancellationToken.None);
        await store.ReplaceAllAsync([record], CancellationToken.None);

        Assert.Contains(standIn.Requests, r => r.Path == "/collections/aliases");
        Assert.Contains(standIn.Requests, r => r.Path.EndsWith("/points/delete", StringComparison.Ordinal));
        Assert.All(standIn.Replies, r => contract.ValidateResponse(r.Request.Method, r.Request.Path, r.Reply.Status, r.Reply.Body));
    }

    [Fact]
    public async Task SearchAsync_QueryResponseGeneratedFromTheSchema_ForeignPayloadIsAClearError()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-1";
        var contract = QdrantOpenApiContract.Default;
        standIn.Responder = request => request.Path.EndsWith("/points/query", StringComparison.Ordinal)
            ? new StandInReply(200, contract.SampleResponse(request.Method, request.Path))
            : null;
        using var services = QdrantTestHost.Services(standIn.Url);
        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);

        var error = await Assert.ThrowsAsync<KnowledgeUnavailableException>(() => store.SearchAsync(new KnowledgeSearchRequest("x", new float[] { 1, 0, 0, 0 }, 3), CancellationToken.None));

        Assert.Contains("documented shape", error.Message, StringComparison.Ordinal);
        var sample = JsonNode.Parse(contract.SampleResponse("POST", "/collections/knowledge/points/query"))!;
        var point = Assert.Single(sample["result"]!["points"]!.AsArray())!;
        Assert.NotNull(point["score"]);
        Assert.Null(point["payload"]?["chunk_id"]);
    }

    [Fact]
    public async Task SearchAsync_QueryResponseGeneratedFromTheSchemaWithOurPayload_ParsesIntoHits()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-1";
        var contract = QdrantOpenApiContract.Default;
        using var services = QdrantTestHost.Services(standIn.Url);
        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);
        var record = QdrantTestHost.Record("refunds#passage-how", "Refunds take five days", [1, 0, 0, 0], "en-US", ["billing"], ["webchat"]);
        await store.ApplyAsync([record], [], CancellationToken.None);
        var upsert = JsonNode.Parse(standIn.Requests.Last(r => r.Path.EndsWith("/points", StringComparison.Ordinal) && r.Method == "PUT").Body!)!;
        var sample = JsonNode.Parse(contract.SampleResponse("POST", "/collections/knowledge/points/query"))!;
        var point = Assert.Single(sample["result"]!["points"]!.AsArray())!;
        point["payload"] = upsert["points"]![0]!["payload"]!.DeepClone();
        contract.ValidateResponse("POST", "/collections/knowledge/points/query", 200, sample.ToJsonString());
        standIn.Responder = request => request.Path.EndsWith("/points/query", StringComparison.Ordinal) ? new StandInReply(200, sample.ToJsonString()) : null;

        var hits = await store.SearchAsync(new KnowledgeSearchRequest("refund", new float[] { 1, 0, 0, 0 }, 3), CancellationToken.None);

        var hit = Assert.Single(hits);
        Assert.Equal(record.Chunk, hit.Chunk with { Tags = record.Chunk.Tags, Channels = record.Chunk.Channels });
        Assert.Equal(["billing"], hit.Chunk.Tags);
        Assert.Equal(["webchat"], hit.Chunk.Channels);
        Assert.Equal(point["score"]!.GetValue<double>(), hit.Score, 6);
    }
}
