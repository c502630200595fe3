using System.Text.Json.Nodes;

namespace Omnichannel.Bots.Knowledge.Qdrant.Tests;

public sealed class CollectionTests
{
    [Fact]
    public async Task OpenAsync_AliasMissing_CreatesCollectionIndexesAndAlias()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        using var services = QdrantTestHost.Services(standIn.Url, o => o.ApiKey = "secret");

        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);

        var requests = standIn.Requests;
        Assert.Equal(
            ["GET /aliases", "PUT /collections/knowledge-20261125120000000",
             "PUT /collections/knowledge-20261125120000000/index?wait=true", "PUT /collections/knowledge-20261125120000000/index?wait=true",
             "PUT /collections/knowledge-20261125120000000/index?wait=true", "PUT /collections/knowledge-20261125120000000/index?wait=true",
             "PUT /collections/knowledge-20261125120000000/index?wait=true", "POST /collections/aliases"],
            requests.Select(r => r.ToString()));
        Assert.All(requests, r => Assert.Equal("secret", r.ApiKey));
        var create = requests[1].Json!;
        Assert.Equal(4, create["vectors"]!["dense"]!["size"]!.GetValue<int>());
        Assert.Equal("Cosine", create["vectors"]!["dense"]!["distance"]!.GetValue<string>());
        Assert.Equal("idf", create["sparse_vectors"]!["lexical"]!["modifier"]!.GetValue<string>());
        Assert.Equal(
            ["article_id", "locale_key", "locale_path", "tag_keys", "channel_keys"],
            requests.Skip(2).Take(5).Select(r => r.Json!["field_name"]!.GetValue<string>()));
        Assert.All(requests.Skip(2).Take(5), r => Assert.Equal("keyword", r.Json!["field_schema"]!.GetValue<string>()));
        var alias = requests[7].Json!["actions"]![0]!["create_alias"]!;
        Assert.Equal("knowledge", alias["alias_name"]!.GetValue<string>());
        Assert.Equal("knowledge-20261125120000000", alias["collection_name"]!.GetValue<string>());
        Assert.Equal(4, store.Dimensions);
    }

    [Fact]
    public async Task OpenAsync_ExistingCollectionSameSize_CreatesNothing()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-1";
        using var services = QdrantTestHost.Services(standIn.Url);

        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);

        Assert.Equal(["GET /aliases", "GET /collections/knowledge-1"], standIn.Requests.Select(r => r.ToString()));
    }

    [Fact]
    public async Task OpenAsync_ExistingCollectionOtherSize_ThrowsNamingSizesAndReindex()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-1";
        standIn.DenseSize = 384;
        using var services = QdrantTestHost.Services(standIn.Url);

        var error = await Assert.ThrowsAsync<KnowledgeUnavailableException>(() => QdrantTestHost.OpenAsync(services, dimensions: 100));

        Assert.Contains("384", error.Message, StringComparison.Ordinal);
        Assert.Contains("100", error.Message, StringComparison.Ordinal);
        Assert.Contains("Re-index", error.Message, StringComparison.Ordinal);
        Assert.Contains("Knowledge:Qdrant:Collection", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(standIn.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task ReplaceAllAsync_ExistingAlias_BuildsNewCollectionThenSwitchesAliasAtomicallyThenDropsOld()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-old";
        using var services = QdrantTestHost.Services(standIn.Url, o => o.BatchSize = 2);
        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);
        var before = standIn.Requests.Count;
        var records = Enumerable.Range(1, 3).Select(i => QdrantTestHost.Record($"a{i}#passage-x", "text " + i, [1, i, 0, 0])).ToList();

        await store.ReplaceAllAsync(records, CancellationToken.None);

        var sequence = standIn.Requests.Skip(before).Select(r => r.ToString()).Where(r => !r.Contains("/index", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["GET /aliases", "PUT /collections/knowledge-20261125120000000",
             "PUT /collections/knowledge-20261125120000000/points?wait=true", "PUT /collections/knowledge-20261125120000000/points?wait=true",
             "POST /collections/aliases", "DELETE /collections/knowledge-old"],
            sequence);
        var swap = standIn.Requests.Single(r => r.Path == "/collections/aliases").Json!["actions"]!.AsArray();
        Assert.Equal("knowledge", swap[0]!["delete_alias"]!["alias_name"]!.GetValue<string>());
        Assert.Equal("knowledge-20261125120000000", swap[1]!["create_alias"]!["collection_name"]!.GetValue<string>());
        Assert.Equal(3, standIn.Requests.Where(r => r.Path.EndsWith("/points", StringComparison.Ordinal)).Sum(r => r.Json!["points"]!.AsArray().Count));
    }

    [Fact]
    public async Task ReplaceAllAsync_UpsertFails_KeepsAliasAndDropsHalfBuiltCollection()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-old";
        using var services = QdrantTestHost.Services(standIn.Url, o => o.MaxRetries = 0);
        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);
        var before = standIn.Requests.Count;
        // GET aliases, PUT collection, 5 indexes answer normally; the upsert fails.
        for (var i = 0; i < 7; i++)
        {
            standIn.Scripted.Enqueue(new StandInReply(200, i == 0 ? QdrantStandIn.Ok(new JsonObject { ["aliases"] = new JsonArray(new JsonObject { ["alias_name"] = "knowledge", ["collection_name"] = "knowledge-old" }) }) : QdrantStandIn.Completed()));
        }

        standIn.Scripted.Enqueue(new StandInReply(400, QdrantStandIn.Error("Wrong input: bad vector")));

        var error = await Assert.ThrowsAsync<KnowledgeUnavailableException>(() => store.ReplaceAllAsync([QdrantTestHost.Record("a#p", "x", [1, 0, 0, 0])], CancellationToken.None));

        Assert.Contains("bad vector", error.Message, StringComparison.Ordinal);
        var after = standIn.Requests.Skip(before).ToList();
        Assert.DoesNotContain(after, r => r.Path == "/collections/aliases");
        Assert.Equal("DELETE /collections/knowledge-20261125120000000", after[^1].ToString());
    }

    [Fact]
    public async Task ReplaceAllAsync_TwiceWithinOneMillisecond_UsesADistinctPhysicalName()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-20261125120000000";
        using var services = QdrantTestHost.Services(standIn.Url);
        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);

        await store.ReplaceAllAsync([QdrantTestHost.Record("a#p", "x", [1, 0, 0, 0])], CancellationToken.None);

        var swap = standIn.Requests.Single(r => r.Path == "/collections/aliases").Json!["actions"]!.AsArray();
        Assert.Equal("knowledge-20261125120000000-1", swap[1]!["create_alias"]!["collection_name"]!.GetValue<string>());
        Assert.Equal("DELETE /collections/knowledge-20261125120000000", standIn.Requests[^1].ToString());
    }
}
