using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Files;
using Omnichannel.Bots.Inbound;
using Omnichannel.Bots.Rendering;

namespace Omnichannel.Bots;

public static class BotServiceCollectionExtensions
{
    /// <summary>
    /// Adds the bot runtime: the inbox and turn loop, the outbox, proactive messages (<see cref="IProactiveMessenger"/>),
    /// dialogs and rendering. Settings bind from the
    /// <c>Bot</c> and <c>Outbox</c> configuration sections and are validated at start-up. A storage provider
    /// (<c>AddSqliteStorage()</c>) and a root dialog are required. Readiness checks (<see cref="BotReadiness"/>) are
    /// registered by the features that need them; a line is logged when they all pass.
    /// </summary>
    public static BotBuilder AddOmnichannelBot(this IServiceCollection services, Action<BotBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddLimitsOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChannelRegistry>();
        services.TryAddSingleton<ReachabilityPolicy>();
        CustomerFilesServiceCollectionExtensions.AddCustomerFileStore(services);
        services.TryAddSingleton(sp => new DialogSet(
            sp.GetServices<Dialog>(),
            sp.GetService<RootDialogType>()?.Type ?? throw new InvalidOperationException("The bot has no root dialog; add one with AddRootDialog<TDialog>().")));
        services.TryAddSingleton(sp => new DialogRunner(
            sp.GetRequiredService<DialogSet>(),
            sp.GetRequiredService<IOptions<BotOptions>>(),
            sp.GetService<HandoffProvider>(),
            sp.GetRequiredService<ILogger<DialogRunner>>()));
        services.TryAddSingleton(sp => new TurnPipeline(sp.GetServices<TurnMiddlewareRegistration>(), sp, sp.GetRequiredService<DialogRunner>()));
        services.TryAddSingleton<ReplyRenderer>();
        services.TryAddSingleton<OutboxDispatcher>();
        services.TryAddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.TryAddSingleton<IProactiveMessenger, ProactiveMessenger>();
        services.TryAddSingleton<TurnExecutor>();
        services.TryAddSingleton<TurnProcessor>();
        services.TryAddSingleton<IMessageInbox>(sp => sp.GetRequiredService<TurnProcessor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBotHealthContributor, InboxHealthContributor>());
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<TurnProcessor>());

        // Liveness (GET /healthz): one check gathers every IBotHealthContributor. Readiness (GET /healthz/ready): each
        // feature adds its check with the BotReadiness.Tag where it is added.
        services.AddHealthChecks().AddCheck<BotLivenessCheck>(BotLiveness.Name, tags: [BotLiveness.Tag]);
        // ASP.NET Core logs every readiness probe that is not healthy, and a starting bot answers "degraded" (still
        // loading) to each probe of a load balancer until it is ready: only failures (errors) reach the log; the
        // readiness logger says once when the bot is ready.
        services.AddLogging(logging => logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Error));
        services.AddHostedService<BotReadinessLogger>();
        var builder = new BotBuilder(services);
        configure?.Invoke(builder);
        return builder;
    }
}
