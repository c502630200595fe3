using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Knowledge;

public static class KnowledgeEmbeddingsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the singleton <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> chosen by
    /// <c>Knowledge:Embeddings:Provider</c> (<c>static</c> by default, <c>openai</c>, <c>onnx</c> with
    /// Omnichannel.Bots.Knowledge.Onnx, or <c>neural</c> with Omnichannel.Bots.Knowledge.Neural), bound from the host's configuration (the section may be missing: static) and
    /// validated at start-up. Relative <c>ModelPath</c>/<c>VocabPath</c> resolve against the host's content root.
    /// </summary>
    public static IServiceCollection AddKnowledgeEmbeddings(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<KnowledgeEmbeddingsOptions>()
            .BindConfiguration(KnowledgeEmbeddingsOptions.SectionName)
            .PostConfigure<IServiceProvider>((options, provider) =>
            {
                var root = provider.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
                options.ModelPath = Resolve(options.ModelPath, root);
                options.VocabPath = Resolve(options.VocabPath, root);
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KnowledgeEmbeddingsOptions>, KnowledgeEmbeddingsOptionsValidator>());
        services.TryAddSingleton(CreateGenerator);
        return services;
    }

    private static IEmbeddingGenerator<string, Embedding<float>> CreateGenerator(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<KnowledgeEmbeddingsOptions>>().Value;
        var provider = options.Provider.Trim().ToLowerInvariant();
        switch (provider)
        {
            case KnowledgeEmbeddingsOptions.StaticProvider:
                return new StaticWordEmbeddingGenerator();
            case KnowledgeEmbeddingsOptions.OpenAIProvider:
                return new OpenAICompatibleEmbeddingGenerator(options);
            default:
                var registered = services.GetServices<KnowledgeEmbeddingProvider>()
                    .LastOrDefault(p => string.Equals(p.Name, provider, StringComparison.OrdinalIgnoreCase))
                    ?? throw new InvalidOperationException($"{KnowledgeEmbeddingsOptions.SectionName}:Provider '{options.Provider}' is not registered.");
                return registered.Create(options, services);
        }
    }

    private static string? Resolve(string? path, string root) =>
        string.IsNullOrWhiteSpace(path) ? path : Path.GetFullPath(path, root);
}
