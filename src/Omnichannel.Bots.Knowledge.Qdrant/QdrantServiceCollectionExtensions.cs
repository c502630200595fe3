using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Omnichannel.Bots.Knowledge.Qdrant;

public static class QdrantServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient the store uses (configure it further with <c>AddHttpClient(HttpClientName)</c>).</summary>
    public const string HttpClientName = "Omnichannel.Bots.Knowledge.Qdrant";

    /// <summary>
    /// Indexes and searches the knowledge base in Qdrant (<c>Knowledge:Store = qdrant</c>, settings under
    /// <c>Knowledge:Qdrant</c>) instead of the embedded store.
    /// </summary>
    public static BotBuilder AddQdrantKnowledgeStore(this BotBuilder bot, Action<QdrantOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(bot);
        bot.Services.AddQdrantKnowledgeStore(configure);
        return bot;
    }

    /// <summary>
    /// Registers the Qdrant store as the knowledge base's store (replacing the embedded one whether called before or
    /// after <c>AddKnowledgeBase</c>) with a named HttpClient: <c>api-key</c> header, retries with exponential backoff
    /// and jitter on 408/429/5xx/timeouts/connection errors (a 429's Retry-After is honoured), and a per-attempt
    /// timeout <see cref="QdrantOptions.Timeout"/>. Options are validated at start-up.
    /// </summary>
    public static IServiceCollection AddQdrantKnowledgeStore(this IServiceCollection services, Action<QdrantOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<QdrantOptions>()
            .BindConfiguration(QdrantOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        services.AddSingleton<IValidateOptions<QdrantOptions>, StoreSelectionValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(HttpClientName, (sp, http) =>
            {
                var settings = sp.GetRequiredService<IOptions<QdrantOptions>>().Value;
                http.BaseAddress = settings.BaseUri();
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddResilienceHandler("qdrant", (pipeline, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptions<QdrantOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(settings.MaxRetries, 1),
                    ShouldHandle = settings.MaxRetries == 0 ? _ => PredicateResult.False() : new HttpRetryStrategyOptions().ShouldHandle,
                    Delay = settings.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = true,
                });
                pipeline.AddTimeout(settings.Timeout);
            });

        services.RemoveAll<KnowledgeStoreOpener>();
        services.AddSingleton<KnowledgeStoreOpener>(sp => async ct =>
        {
            var settings = sp.GetRequiredService<IOptions<QdrantOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            var embedder = sp.GetService<IEmbeddingGenerator<string, Embedding<float>>>();
            var dimensions = embedder?.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions;
            return await QdrantKnowledgeStore.OpenAsync(http, settings, dimensions, sp.GetRequiredService<TimeProvider>(), ct).ConfigureAwait(false);
        });
        return services;
    }

    /// <summary>Fails start-up when the Qdrant store is registered but <c>Knowledge:Store</c> selects another one.</summary>
    private sealed class StoreSelectionValidator(IOptions<KnowledgeOptions> knowledge) : IValidateOptions<QdrantOptions>
    {
        public ValidateOptionsResult Validate(string? name, QdrantOptions options)
        {
            var store = knowledge.Value.Store;
            return string.Equals(store, "qdrant", StringComparison.OrdinalIgnoreCase)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"AddQdrantKnowledgeStore() is registered but Knowledge:Store is '{store}': set Knowledge:Store to qdrant, or remove the registration.");
        }
    }
}
