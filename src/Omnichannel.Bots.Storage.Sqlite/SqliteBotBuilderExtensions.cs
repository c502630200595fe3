using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Omnichannel.Bots.Customers;
using Omnichannel.Bots.Delivery;

namespace Omnichannel.Bots.Storage.Sqlite;

public static class SqliteBotBuilderExtensions
{
    /// <summary>
    /// Keeps the bot's customers, conversations, transcript, dialog state, inbox, outbox (with its messages' delivery reports, <see cref="IDeliveryReports"/>, and proactive messages, <see cref="IProactiveStore"/>) and reachability (opt-outs, unreachable chats) and the identity graph (<see cref="ICustomerLinks"/>, <see cref="ICustomerDirectory"/>) in one SQLite file (features such as handoff add their tables to it) under
    /// <c>Storage:DataDirectory</c> (default <c>./data</c> under the content root). The <c>storage</c> readiness check
    /// (<see cref="BotReadiness"/>) passes once the file is open, migrated and readable.
    /// </summary>
    public static BotBuilder AddSqliteStorage(this BotBuilder bot, Action<SqliteStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var options = bot.Services.AddOptions<SqliteStorageOptions>()
            .BindConfiguration(SqliteStorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        bot.Services.TryAddSingleton<SqliteDatabase>();
        bot.Services.TryAddSingleton(services => new BotDataDirectory(Path.GetDirectoryName(services.GetRequiredService<SqliteDatabase>().FilePath)!));
        bot.Services.TryAddSingleton<IInboxStore, SqliteInboxStore>();
        bot.Services.TryAddSingleton<ITurnStore, SqliteTurnStore>();
        bot.Services.TryAddSingleton<IParkedMessageStore, SqliteParkedMessageStore>();
        bot.Services.TryAddSingleton<IOutboxStore, SqliteOutboxStore>();
        bot.Services.TryAddSingleton<ITranscriptStore, SqliteTranscriptStore>();
        bot.Services.TryAddSingleton<IDeliveryReports, SqliteDeliveryReports>();
        bot.Services.TryAddSingleton<IProactiveStore, SqliteProactiveStore>();

        // The identity graph (issue 18): links with provenance, merges running every feature's ISqliteCustomerMerge.
        bot.Services.TryAddSingleton<ICustomerLinks, SqliteCustomerLinks>();
        bot.Services.TryAddSingleton<ICustomerDirectory, SqliteCustomerDirectory>();
        bot.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISqliteCustomerMerge, SqliteCoreCustomerMerge>());

        // The reachability policy's facts (opt-outs, unreachable chats), which the outbox reads before every send.
        bot.Services.AddSqliteSchema(SqliteReachabilitySchema.Schema);
        bot.Services.TryAddSingleton<IReachabilityStore, SqliteReachabilityStore>();
        bot.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISqliteTurnParticipant, SqliteReachabilityTurnParticipant>());
        if (!bot.Services.Any(d => d.ServiceType == typeof(SqliteReadinessCheck)))
        {
            bot.Services.AddSingleton<SqliteReadinessCheck>();
            bot.Services.AddHealthChecks().AddCheck<SqliteReadinessCheck>(SqliteReadinessCheck.Name, tags: [BotReadiness.Tag]);
        }

        return bot;
    }
}
