using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Handoff.Storage.Sqlite;

/// <summary>Handoff's stores, tables and turn-commit participant on the SQLite provider.</summary>
public static class HandoffStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers handoff's SQLite tables (<see cref="SqliteHandoffSchema"/>), its share of the turn commit, of customer merges (<see cref="SqliteHandoffCustomerMerge"/>) and unlinks (<see cref="SqliteHandoffConversationsMoved"/>) and of customers' export and erasure (<see cref="SqliteHandoffCustomerPrivacy"/>) and its stores
    /// (tickets, desk changes, CSAT, customers, webhook bookkeeping, journey facts).
    /// <c>AddHandoff()</c> calls it; the stores resolve the bot's <see cref="SqliteDatabase"/> when first used, so
    /// <c>AddSqliteStorage()</c> may come before or after <c>AddHandoff()</c>. Stores registered earlier (another
    /// provider's) are kept. Without a storage provider the first use fails, naming what to add.
    /// </summary>
    public static IServiceCollection AddSqliteHandoffStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSqliteSchema(SqliteHandoffSchema.Schema);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISqliteTurnParticipant, SqliteHandoffTurnParticipant>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISqliteCustomerMerge, SqliteHandoffCustomerMerge>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISqliteConversationsMoved, SqliteHandoffConversationsMoved>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISqliteCustomerPrivacy, SqliteHandoffCustomerPrivacy>());
        services.TryAddSingleton(sp => new SqliteHandoffStore(Database(sp), sp.GetServices<ISqliteTicketParticipant>()));
        services.TryAddSingleton<IJourneyStore>(sp => new SqliteJourneyStore(Database(sp)));
        services.TryAddSingleton<IHandoffTicketStore>(sp => sp.GetRequiredService<SqliteHandoffStore>());
        services.TryAddSingleton<IHandoffDeskStore>(sp => sp.GetRequiredService<SqliteHandoffStore>());
        services.TryAddSingleton<IHandoffCsatStore>(sp => sp.GetRequiredService<SqliteHandoffStore>());
        services.TryAddSingleton<IHandoffCustomerStore>(sp => sp.GetRequiredService<SqliteHandoffStore>());
        services.TryAddSingleton<IHandoffWebhookStore>(sp => sp.GetRequiredService<SqliteHandoffStore>());
        return services;
    }

    private static SqliteDatabase Database(IServiceProvider services) =>
        services.GetService<SqliteDatabase>()
        ?? throw new InvalidOperationException(
            "AddHandoff() keeps its tickets and journey facts in the bot's storage, and no storage provider is registered: add AddSqliteStorage() (or register the handoff stores of another provider).");
}
