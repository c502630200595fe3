using System.Text.Json.Nodes;

namespace Omnichannel.Bots.Knowledge.Qdrant.Tests;

public sealed class IndexingTests
{
    [Fact]
    public async Task ApplyAsync_UpsertsAndDeletes_WaitsAndUsesDeterministicIdsAndLexicalTerms()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-1";
        using var services = QdrantTestHost.Services(standIn.Url);
        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);
        var record = QdrantTestHost.Record("refunds#passage-how", "Refunds take five days", [0.5f, 0.5f, 0, 0], "en-US", ["billing"], ["webchat"]);

        await store.ApplyAsync([record], ["gone#question-1"], CancellationToken.None);

        var delete = standIn.Requests.Single(r => r.Path == "/collections/knowledge/points/delete");
        Assert.Equal("?wait=true", delete.Query);
        Assert.Equal(QdrantPointId.For("gone#question-1"), delete.Json!["points"]![0]!.GetValue<string>());
        var upsert = standIn.Requests.Single(r => r.Path == "/collections/knowledge/points");
        Assert.Equal(("PUT", "?wait=true"), (upsert.Method, upsert.Query));
        var point = upsert.Json!["points"]![0]!;
        Assert.Equal(QdrantPointId.For("refunds#passage-how"), point["id"]!.GetValue<string>());
        Assert.True(Guid.TryParse(point["id"]!.GetValue<string>(), out _));
        Assert.Equal([0.5f, 0.5f, 0f, 0f], point["vector"]!["dense"]!.AsArray().Select(v => v!.GetValue<float>()));
        var terms = LexicalAnalyzer.Default.Analyze("Title refunds#passage-how Heading Refunds take five days");
        Assert.Equal(terms.Ids, point["vector"]!["lexical"]!["indices"]!.AsArray().Select(v => v!.GetValue<uint>()));
        Assert.Equal(terms.Frequencies, point["vector"]!["lexical"]!["values"]!.AsArray().Select(v => v!.GetValue<float>()));
        var payload = point["payload"]!;
        Assert.Equal("refunds", payload["article_id"]!.GetValue<string>());
        Assert.Equal("hash-refunds#passage-how", payload["content_hash"]!.GetValue<string>());
        Assert.Equal(["en-us", "en"], payload["locale_path"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(["webchat"], payload["channel_keys"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public void PointId_SameChunkId_SameUuid_OtherChunkId_OtherUuid()
    {
        Assert.Equal(QdrantPointId.For("a#passage-x"), QdrantPointId.For("a#passage-x"));
        Assert.NotEqual(QdrantPointId.For("a#passage-x"), QdrantPointId.For("a#passage-y"));
        Assert.Equal('8', QdrantPointId.For("a#passage-x")[14]);
    }

    [Fact]
    public async Task ApplyAsync_WrongEmbeddingSize_ThrowsBeforeSending()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-1";
        using var services = QdrantTestHost.Services(standIn.Url);
        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);
        var before = standIn.Requests.Count;

        await Assert.ThrowsAsync<ArgumentException>(() => store.ApplyAsync([QdrantTestHost.Record("a#p", "x", [1, 0])], [], CancellationToken.None));

        Assert.Equal(before, standIn.Requests.Count);
    }

    [Fact]
    public async Task ApplyAsync_UnknownDimensionsAndNoAlias_CreatesCollectionFromFirstRecord()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        using var services = QdrantTestHost.Services(standIn.Url);
        using var store = await QdrantTestHost.OpenAsync(services, dimensions: null);
        Assert.Equal(["GET /aliases"], standIn.Requests.Select(r => r.ToString()));

        await store.ApplyAsync([QdrantTestHost.Record("a#p", "x", [1, 0, 0])], [], CancellationToken.None);

        Assert.Equal(3, standIn.Requests.Single(r => r.Path == "/collections/knowledge-20261125120000000" && r.Method == "PUT").Json!["vectors"]!["dense"]!["size"]!.GetValue<int>());
        Assert.Contains(standIn.Requests, r => r.Path == "/collections/knowledge/points");
    }

    [Fact]
    public async Task GetContentHashesAsync_TwoPages_FollowsOffsetAndReadsAll()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-1";
        standIn.ScrollPages.Enqueue((new JsonArray(Point("a#1", "h1"), Point("a#2", "h2")), "00000000-0000-0000-0000-000000000003"));
        standIn.ScrollPages.Enqueue((new JsonArray(Point("b#1", "h3")), null));
        using var services = QdrantTestHost.Services(standIn.Url);
        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);

        var hashes = await store.GetContentHashesAsync(CancellationToken.None);

        Assert.Equal(new Dictionary<string, string> { ["a#1"] = "h1", ["a#2"] = "h2", ["b#1"] = "h3" }, hashes);
        var scrolls = standIn.Requests.Where(r => r.Path == "/collections/knowledge/points/scroll").ToList();
        Assert.Equal(2, scrolls.Count);
        Assert.Null(scrolls[0].Json!["offset"]);
        Assert.Equal("00000000-0000-0000-0000-000000000003", scrolls[1].Json!["offset"]!.GetValue<string>());
        Assert.False(scrolls[0].Json!["with_vector"]!.GetValue<bool>());
    }

    private static JsonObject Point(string chunkId, string hash) => new()
    {
        ["id"] = QdrantPointId.For(chunkId),
        ["payload"] = new JsonObject { ["chunk_id"] = chunkId, ["content_hash"] = hash },
    };
}
