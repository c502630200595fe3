using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// The knowledge base every channel answers from: the files under <c>Knowledge:Path</c> (resolved against the
    /// content root), reloaded within a second of a save, embedded with the generator <c>Knowledge:Embeddings</c>
    /// selects, indexed in the embedded store (<c>knowledge.db</c> in the bot's data folder), and reported under
    /// <c>knowledge</c> in <c>/healthz</c>. The <c>knowledge</c> readiness check (<see cref="BotReadiness"/>) fails until
    /// the first version has loaded. Dialogs take <see cref="IKnowledgeBase"/>.
    /// </summary>
    public static BotBuilder AddKnowledge(this BotBuilder bot, Action<KnowledgeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(bot);
        bot.Services.AddKnowledgeBase(configure);
        return bot;
    }

    /// <summary>The same as <see cref="AddKnowledge"/> for a host without a bot (tools, benchmarks).</summary>
    public static IServiceCollection AddKnowledgeBase(this IServiceCollection services, Action<KnowledgeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<KnowledgeOptions>()
            .BindConfiguration(KnowledgeOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddKnowledgeEmbeddings();
        services.TryAddSingleton<KnowledgeStoreOpener>(sp => async ct =>
        {
            var store = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.Store;
            if (string.Equals(store, KnowledgeOptions.QdrantStoreName, StringComparison.OrdinalIgnoreCase))
            {
                throw new KnowledgeUnavailableException(
                    "Knowledge:Store is qdrant but no Qdrant store is registered: reference Omnichannel.Bots.Knowledge.Qdrant and call AddQdrantKnowledgeStore() (or AddQdrantKnowledgeStore()).");
            }

            return await EmbeddedKnowledgeStore.OpenAsync(DataDirectory(sp), ct).ConfigureAwait(false);
        });
        services.TryAddSingleton(sp => new KnowledgeBase(
            Path.GetFullPath(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.Path, ContentRoot(sp)),
            new KnowledgeFolderReader(),
            sp.GetRequiredService<KnowledgeStoreOpener>(),
            sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(),
            KnowledgeSearchOptions.Default,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<KnowledgeBase>>()));
        services.TryAddSingleton<IKnowledgeBase>(sp => sp.GetRequiredService<KnowledgeBase>());
        services.AddHostedService<KnowledgeReloadService>();
        services.AddSingleton<IBotHealthContributor, KnowledgeHealthContributor>();
        if (!services.Any(d => d.ServiceType == typeof(KnowledgeReadinessCheck)))
        {
            services.AddSingleton<KnowledgeReadinessCheck>();
            services.AddHealthChecks().AddCheck<KnowledgeReadinessCheck>(KnowledgeReadinessCheck.Name, tags: [BotReadiness.Tag]);
        }

        return services;
    }

    private static string ContentRoot(IServiceProvider services) =>
        services.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();

    /// <summary>The storage's data folder when a storage is registered, else <c>data</c> under the content root.</summary>
    private static string DataDirectory(IServiceProvider services)
    {
        var folder = services.GetService<BotDataDirectory>()?.Path ?? Path.Combine(ContentRoot(services), "data");
        return OwnerOnlyFiles.CreateDirectory(folder);
    }
}
