using Microsoft.Extensions.DependencyInjection;

namespace Omnichannel.Bots.Storage.Sqlite;

public static class SqliteSchemaServiceCollectionExtensions
{
    /// <summary>
    /// Adds a feature's tables to the bot's SQLite file: they are created or upgraded when the database opens, after the
    /// core tables, in registration order. Registering the same feature twice keeps the first.
    /// </summary>
    public static IServiceCollection AddSqliteSchema(this IServiceCollection services, SqliteSchema schema)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(schema);
        if (string.IsNullOrWhiteSpace(schema.Feature) || schema.Feature == SqliteSchema.CoreFeature)
        {
            throw new ArgumentException($"A feature schema needs its own name (not '{SqliteSchema.CoreFeature}').", nameof(schema));
        }

        if (!services.Any(d => d.ServiceType == typeof(SqliteSchema) && d.ImplementationInstance is SqliteSchema existing && existing.Feature == schema.Feature))
        {
            services.AddSingleton(schema);
        }

        return services;
    }
}
