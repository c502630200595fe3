using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Handoff.Storage.Sqlite;
using Omnichannel.Bots.Journeys.Storage;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Journeys;

public static class JourneysBotBuilderExtensions
{
    /// <summary>
    /// Records journey events (channel switches, handoffs, returns to the bot, resolutions, ratings, values given and
    /// asked, messages) in the bot's SQLite file, in the transactions that make them happen, and adds the metrics
    /// (<see cref="IJourneyMetrics"/>; the workspace serves them to admins at <c>GET /api/agent/metrics</c>). Settings
    /// in <c>Journeys</c> (<see cref="JourneysOptions"/>), validated on start. Needs <c>AddSqliteStorage()</c>; handoff's
    /// tables are added with it (the desk's changes are part of a journey).
    /// </summary>
    public static BotBuilder AddJourneys(this BotBuilder bot, Action<JourneysOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var services = bot.Services;
        if (services.Any(d => d.ServiceType == typeof(IJourneyMetrics)))
        {
            return bot;
        }

        var options = services.AddOptions<JourneysOptions>().BindConfiguration(JourneysOptions.SectionName).ValidateOnStart();
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JourneysOptions>, JourneysOptionsValidator>());
        services.AddSqliteSchema(SqliteHandoffSchema.Schema);
        services.AddSqliteSchema(SqliteJourneysSchema.Schema);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISqliteTurnParticipant, SqliteJourneyTurnParticipant>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISqliteTicketParticipant, SqliteJourneyTicketParticipant>());
        services.TryAddSingleton<SqliteJourneyCustomerData>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISqliteCustomerMerge, SqliteJourneyCustomerData>(sp => sp.GetRequiredService<SqliteJourneyCustomerData>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISqliteCustomerPrivacy, SqliteJourneyCustomerData>(sp => sp.GetRequiredService<SqliteJourneyCustomerData>()));
        services.TryAddSingleton<IJourneyMetrics>(sp => new SqliteJourneyMetrics(
            sp.GetService<SqliteDatabase>() ?? throw new InvalidOperationException("AddJourneys() keeps its events in the bot's storage, and no storage provider is registered: add AddSqliteStorage()."),
            sp.GetRequiredService<IOptions<JourneysOptions>>()));
        return bot.Use("journeys", JourneyMiddleware.Order, _ => JourneyMiddleware.InvokeAsync);
    }
}
