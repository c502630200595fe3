using System.Text.Json.Nodes;

namespace Omnichannel.Bots.Knowledge.Qdrant.Tests;

public sealed class SearchTests
{
    [Fact]
    public async Task SearchAsync_Filter_SendsOneQueryWithDenseAndSparsePrefetchFusedByRrf()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-1";
        using var services = QdrantTestHost.Services(standIn.Url, o => o.PrefetchLimit = 20);
        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);
        var request = new KnowledgeSearchRequest("refund policy", new float[] { 1, 0, 0, 0 }, 5)
        {
            Filter = new KnowledgeFilter { Locale = "en-US", Tags = ["Billing"], Channel = "webchat" },
        };

        await store.SearchAsync(request, CancellationToken.None);

        var query = Assert.Single(standIn.Requests, r => r.Path == "/collections/knowledge/points/query");
        var body = query.Json!;
        Assert.Equal("rrf", body["query"]!["fusion"]!.GetValue<string>());
        Assert.Equal(5, body["limit"]!.GetValue<int>());
        Assert.True(body["with_payload"]!.GetValue<bool>());
        var prefetch = body["prefetch"]!.AsArray();
        Assert.Equal(["dense", "lexical"], prefetch.Select(p => p!["using"]!.GetValue<string>()));
        Assert.All(prefetch, p => Assert.Equal(20, p!["limit"]!.GetValue<int>()));
        Assert.Equal([1f, 0f, 0f, 0f], prefetch[0]!["query"]!.AsArray().Select(v => v!.GetValue<float>()));
        Assert.Equal(LexicalAnalyzer.Default.Analyze("refund policy").Ids, prefetch[1]!["query"]!["indices"]!.AsArray().Select(v => v!.GetValue<uint>()));
        var must = body["filter"]!["must"]!.AsArray();
        Assert.Equal(["en-us", "en"], must[0]!["should"]![0]!["match"]!["any"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("en-us", must[0]!["should"]![1]!["match"]!["value"]!.GetValue<string>());
        Assert.Equal("billing", must[1]!["match"]!["value"]!.GetValue<string>());
        Assert.Equal("channel_keys", must[2]!["should"]![0]!["is_empty"]!["key"]!.GetValue<string>());
        Assert.Equal("webchat", must[2]!["should"]![1]!["match"]!["value"]!.GetValue<string>());
        Assert.Equal(body["filter"]!.ToJsonString(), prefetch[1]!["filter"]!.ToJsonString());
    }

    [Fact]
    public async Task SearchAsync_ScoredPoints_MapToHitsWithChunkAndScore()
    {
        await using var standIn = await QdrantStandIn.StartAsync();
        standIn.AliasTarget = "knowledge-1";
        var record = QdrantTestHost.Record("refunds#passage-how", "Refunds take five days", [1, 0, 0, 0], "en", ["billing"], []);
        standIn.QueryPoints = new JsonArray(new JsonObject
        {
            ["id"] = QdrantPointId.For(record.Chunk.Id),
            ["version"] = 3,
            ["score"] = 0.5,
            ["payload"] = QdrantBodies.Payload(record.Chunk),
        });
        using var services = QdrantTestHost.Services(standIn.Url);
        using var store = await QdrantTestHost.OpenAsync(services, dimensions: 4);

        var hits = await store.SearchAsync(new KnowledgeSearchRequest("refund", new float[] { 1, 0, 0, 0 }, 3), CancellationToken.None);

        var hit = Assert.Single(hits);
        Assert.Equal(0.5, hit.Score);
        Assert.Equal(record.Chunk with { Tags = hit.Chunk.Tags, Channels = hit.Chunk.Channels }, hit.Chunk);
        Assert.Equal(["billing"], hit.Chunk.Tags);
        Assert.Empty(hit.Chunk.Channels);
        Assert.Null(standIn.Requests.Single(r => r.Path.EndsWith("/query", StringComparison.Ordinal)).Json!["filter"]);
    }

    [Theory]
    [InlineData("en", "en-US", true)]
    [InlineData("en-US", "en", true)]
    [InlineData("en-US", "en-GB", false)]
    [InlineData("en-US", "en-us-x-foo", true)]
    [InlineData("de", "en", false)]
    public void Filter_Locale_MatchesWhatTheEmbeddedStoreMatches(string requested, string chunkLocale, bool expected)
    {
        var filter = QdrantBodies.Filter(new KnowledgeFilter { Locale = requested })!;
        var should = filter["must"]![0]!["should"]!;
        var parents = should[0]!["match"]!["any"]!.AsArray().Select(v => v!.GetValue<string>()).ToHashSet();
        var requestedKey = should[1]!["match"]!["value"]!.GetValue<string>();
        var path = QdrantBodies.LocalePath(chunkLocale);

        // Evaluate the filter as Qdrant would: locale_key in any-of, or locale_path contains the value.
        var matches = parents.Contains(path[0]) || path.Contains(requestedKey);

        Assert.Equal(expected, matches);
        Assert.Equal(expected, LocaleMatch.Matches(requested, chunkLocale));
    }
}
