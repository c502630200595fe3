using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Omnichannel.Bots.Knowledge.Qdrant.Tests;

/// <summary>
/// Builds the store the way the host does (AddQdrantKnowledgeStore: named HttpClient with the resilience handler). The
/// store gets a fake clock (collection names are then known); the HTTP pipeline keeps the real one (retry delays, timeouts).
/// </summary>
internal static class QdrantTestHost
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    /// <param name="url">The stand-in's address.</param>
    /// <param name="configure">Further Qdrant options.</param>
    /// <param name="store">Knowledge:Store.</param>
    /// <param name="attempts">When given, counts every request the client sends (each retry), inside the resilience handler.</param>
    public static ServiceProvider Services(string url, Action<QdrantOptions>? configure = null, string store = "qdrant", AttemptCounter? attempts = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:Store"] = store,
        }).Build());
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.SectionName);
        services.AddQdrantKnowledgeStore(o =>
        {
            o.Url = url;
            o.RetryDelay = TimeSpan.FromMilliseconds(5);
            o.Timeout = TimeSpan.FromSeconds(5);
            configure?.Invoke(o);
        });
        if (attempts is not null)
        {
            services.AddHttpClient(QdrantServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => new AttemptCounter.Handler(attempts));
        }

        return services.BuildServiceProvider();
    }

    public static async Task<QdrantKnowledgeStore> OpenAsync(ServiceProvider services, int? dimensions)
    {
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(QdrantServiceCollectionExtensions.HttpClientName);
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<QdrantOptions>>().Value;
        return await QdrantKnowledgeStore.OpenAsync(http, options, dimensions, new FakeTimeProvider(Now), CancellationToken.None);
    }

    public static KnowledgeRecord Record(string id, string text, float[] vector, string locale = "en", string[]? tags = null, string[]? channels = null) => new(
        new KnowledgeChunk
        {
            Id = id,
            ArticleId = id.Split('#')[0],
            Kind = KnowledgeChunkKind.Passage,
            Title = "Title " + id,
            Heading = "Heading",
            Text = text,
            Locale = locale,
            Tags = tags ?? [],
            Channels = channels ?? [],
            ContentHash = "hash-" + id,
        },
        vector);
}
