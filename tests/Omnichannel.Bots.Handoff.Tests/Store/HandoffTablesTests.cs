using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Handoff.Storage.Sqlite;
using Omnichannel.Bots.Storage.Sqlite;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Handoff.Tests.Store;

/// <summary>Handoff owns its tables: a bot without <c>AddHandoff()</c> has none of them; adding handoff later creates them on the next start.</summary>
public sealed class HandoffTablesTests
{
    [Fact]
    public async Task AddSqliteStorage_WithoutThenWithAddHandoff_HandoffTablesOnlyOnceAdded()
    {
        var directory = Directory.CreateTempSubdirectory("omnibot-handoff-tables-").FullName;
        try
        {
            await using (var plain = await TestBot.StartAsync(bot => bot.AddRootDialog<EscalatingDialog>(), dataDirectory: directory))
            {
                var database = plain.Services.GetRequiredService<SqliteDatabase>();
                Assert.False(database.SchemaVersions.ContainsKey(SqliteHandoffSchema.Feature));
                Assert.Equal(0L, TableCount(database, "handoff_requests"));
                Assert.Equal(0L, TableCount(database, "journeys"));
                Assert.Null(plain.Services.GetService<IHandoffTicketStore>());
            }

            await using var withHandoff = await TestBot.StartAsync(bot => bot.AddHandoff().AddRootDialog<EscalatingDialog>(), dataDirectory: directory);
            var upgraded = withHandoff.Services.GetRequiredService<SqliteDatabase>();
            Assert.Equal(1L, TableCount(upgraded, "handoff_requests"));
            Assert.Equal(1L, TableCount(upgraded, "journeys"));
            Assert.Equal(
                SqliteHandoffSchema.Schema.LatestVersion,
                upgraded.Read(db => db.Scalar<long>("SELECT version FROM schema_migrations WHERE feature = 'handoff'")));
            Assert.Equal(2, SqliteHandoffSchema.Schema.LatestVersion);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void AddHandoff_WithoutStorageProvider_StoreResolutionNamesAddSqliteStorage()
    {
        var services = new ServiceCollection();
        services.AddOmnichannelBot(bot => bot.AddHandoff());
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IHandoffTicketStore>());

        Assert.Contains("AddSqliteStorage()", error.Message, StringComparison.Ordinal);
    }

    private static long TableCount(SqliteDatabase database, string table) =>
        database.Read(db => db.Scalar<long>("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = @p1", table));
}
