using System.Net.Http.Json;
using System.Text.Json;
using Omnichannel.Bots.Knowledge;
using Omnichannel.Bots.Knowledge.Qdrant;
using Omnichannel.Bots.Knowledge.StoreConformance;

namespace Live.Tests.Qdrant;

/// <summary>
/// The store conformance suite (<see cref="KnowledgeStoreConformance"/>) against a running Qdrant at <c>QDRANT_URL</c>
/// (optional <c>QDRANT_API_KEY</c>): each test gets its own alias <c>omnibot-conformance-{guid}</c>, and its physical
/// collections and alias are dropped afterwards. Start a server with <c>docker run -p 6333:6333 qdrant/qdrant</c>.
/// </summary>
public sealed class QdrantKnowledgeStoreLiveTests : KnowledgeStoreConformance
{
    private readonly Dictionary<IKnowledgeStore, (HttpClient Http, string Alias)> _stores = [];

    // Every swap builds and indexes a new collection on the server: fewer rounds than the in-process stores.
    protected override int ReplaceRounds => 6;

    protected override int MinimumConcurrentSearches => 40;

    protected override async Task<IKnowledgeStore> CreateStoreAsync()
    {
        var url = LiveEnvironment.Require("QDRANT_URL")[0];
        var options = new QdrantOptions
        {
            Url = url,
            ApiKey = Environment.GetEnvironmentVariable("QDRANT_API_KEY"),
            Collection = "omnibot-conformance-" + Guid.NewGuid().ToString("N"),
        };
        var http = new HttpClient { BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/", UriKind.Absolute), Timeout = TimeSpan.FromSeconds(60) };
        var store = await QdrantKnowledgeStore.OpenAsync(http, options, ConformanceEmbedding.Dimensions, TimeProvider.System, CancellationToken.None);
        _stores[store] = (http, options.Collection);
        return store;
    }

    protected override async ValueTask DisposeStoreAsync(IKnowledgeStore store)
    {
        await base.DisposeStoreAsync(store);
        if (!_stores.Remove(store, out var entry))
        {
            return;
        }

        using var http = entry.Http;
        using var request = new HttpRequestMessage(HttpMethod.Get, "collections");
        AddApiKey(request);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        foreach (var collection in body.RootElement.GetProperty("result").GetProperty("collections").EnumerateArray())
        {
            var name = collection.GetProperty("name").GetString()!;
            if (name.StartsWith(entry.Alias + "-", StringComparison.Ordinal) || name == entry.Alias)
            {
                using var delete = new HttpRequestMessage(HttpMethod.Delete, "collections/" + Uri.EscapeDataString(name));
                AddApiKey(delete);
                using var deleted = await http.SendAsync(delete);
                deleted.EnsureSuccessStatusCode();
            }
        }

        using var alias = new HttpRequestMessage(HttpMethod.Post, "collections/aliases")
        {
            Content = JsonContent.Create(new { actions = new[] { new { delete_alias = new { alias_name = entry.Alias } } } }),
        };
        AddApiKey(alias);
        using var aliasDeleted = await http.SendAsync(alias);
    }

    private static void AddApiKey(HttpRequestMessage request)
    {
        var key = Environment.GetEnvironmentVariable("QDRANT_API_KEY");
        if (!string.IsNullOrEmpty(key))
        {
            request.Headers.TryAddWithoutValidation("api-key", key);
        }
    }
}
