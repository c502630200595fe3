using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Handoff.Desk;
using Omnichannel.Bots.Handoff.Routing;
using Omnichannel.Bots.Handoff.Signals;
using Omnichannel.Bots.Handoff.Storage.Sqlite;
using Omnichannel.Bots.Rendering;

namespace Omnichannel.Bots.Handoff;

public static class HandoffBotBuilderExtensions
{
    /// <summary>
    /// Adds human handoff: the routing decision on every turn (rules from <c>Handoff:RulesPath</c>, else the built-in
    /// ones), the context packet, the agent desk (<see cref="IHandoffDesk"/>), its timers (reply timeout, CSAT), and
    /// the signed webhook when <c>Handoff:Webhook:Url</c> is set. The router runs outermost
    /// (<see cref="TurnMiddlewareOrder.Handoff"/>) wherever this is called. Needs a storage provider: with
    /// <c>AddSqliteStorage()</c> (before or after this call) handoff adds its tables to the bot's SQLite file and files
    /// tickets in the turn's transaction; add the agent workspace with <c>AddAgentWorkspace()</c> (package
    /// <c>Omnichannel.Bots.Handoff.Workspace</c>).
    /// </summary>
    public static BotBuilder AddHandoff(this BotBuilder bot, Action<HandoffOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var services = bot.Services;
        if (services.Any(d => d.ServiceType == typeof(HandoffRouter)))
        {
            return bot;
        }

        var options = services.AddOptions<HandoffOptions>().BindConfiguration(HandoffOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HandoffOptions>, HandoffOptionsValidator>());
        services.AddSqliteHandoffStorage();
        services.AddAgentsOptions();
        services.AddRoutingRules();
        services.TryAddSingleton<ISentimentScorer, LexiconSentimentScorer>();
        services.TryAddSingleton<IHandoffSummarizer, ExtractiveHandoffSummarizer>();
        services.TryAddSingleton<ICustomerTierProvider, ConfiguredCustomerTiers>();
        services.TryAddSingleton<ReplyRenderer>();
        services.TryAddSingleton<HandoffSignals>();
        services.TryAddSingleton<DeskCapacity>();
        services.TryAddSingleton<HandoffPacketBuilder>();
        services.TryAddSingleton<DeskEvents>();
        services.TryAddSingleton<TicketSummaries>();
        services.TryAddSingleton<AgentHandles>();
        services.TryAddSingleton<HandoffDesk>();
        services.TryAddSingleton<IHandoffDesk>(sp => sp.GetRequiredService<HandoffDesk>());
        services.TryAddSingleton<HandoffRouter>();
        services.TryAddSingleton(new HandoffProvider("Omnichannel.Bots.Handoff"));
        bot.Use("handoff", TurnMiddlewareOrder.Handoff, sp => sp.GetRequiredService<HandoffRouter>().InvokeAsync);
        services.AddHttpClient(HandoffWebhookSender.HttpClientName);
        services.TryAddSingleton<HandoffWebhookSender>();
        services.AddHostedService(sp => sp.GetRequiredService<HandoffWebhookSender>());
        services.TryAddSingleton<HandoffTimers>();
        services.AddHostedService(sp => sp.GetRequiredService<HandoffTimers>());
        return bot.AddObserver<HandoffTurnObserver>();
    }
}
