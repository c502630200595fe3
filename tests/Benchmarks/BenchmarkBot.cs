using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Omnichannel.Bots;
using Omnichannel.Bots.Inbound;
using Omnichannel.Bots.Knowledge;
using Omnichannel.Bots.Storage.Sqlite;
using Omnichannel.Bots.Testing;
using SupportBot;

namespace Benchmarks;

/// <summary>The real runtime with the sample support bot, SQLite in <paramref name="directory"/> and an in-memory SMS channel.</summary>
public sealed class BenchmarkBot : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchmarkBot(IHost host)
    {
        _host = host;
        Inbox = host.Services.GetRequiredService<IMessageInbox>();
        Database = host.Services.GetRequiredService<SqliteDatabase>();
        Channel = host.Services.GetServices<ChannelAdapter>().OfType<CountingChannelAdapter>().Single();
    }

    public IMessageInbox Inbox { get; }

    public SqliteDatabase Database { get; }

    public CountingChannelAdapter Channel { get; }

    public IServiceProvider Services => _host.Services;

    /// <param name="directory">The data folder (created).</param>
    /// <param name="storage">SQLite settings on top of the defaults.</param>
    /// <param name="outermost">Runs on the bot before the support bot is added, so middleware it adds (the handoff router) runs outermost.</param>
    public static async Task<BenchmarkBot> StartAsync(string directory, Action<SqliteStorageOptions> storage, Action<BotBuilder>? outermost = null)
    {
        Directory.CreateDirectory(directory);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOmnichannelBot(bot =>
        {
            outermost?.Invoke(bot);
            bot.AddSupportBot()
                .AddKnowledge(options => options.Path = KnowledgeData.SampleKnowledgeFolder())
                .AddSqliteStorage(options =>
                {
                    options.DataDirectory = directory;
                    storage(options);
                });
        });
        builder.Services.AddSingleton<ChannelAdapter>(new CountingChannelAdapter(ChannelProfiles.Sms));
        var host = builder.Build();
        await host.StartAsync();

        // The knowledge base loads in the background after start; measure the bot once it can answer.
        await Readiness.WaitAsync(host.Services);
        return new BenchmarkBot(host);
    }

    /// <summary>
    /// Waits until the channel has been handed <paramref name="expectedSends"/> messages and no outbox row is pending
    /// (each send's "sent" mark is a write of its own, committed after the send); false after <paramref name="timeout"/>.
    /// </summary>
    public async Task<bool> WaitForDrainAsync(long expectedSends, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Channel.Sent < expectedSends || Inspect().Outbox.GetValueOrDefault("pending") > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(5);
        }

        return true;
    }

    /// <summary>Outbox rows by status, and <c>journal_mode</c>, read on a connection of our own to the live file.</summary>
    public (IReadOnlyDictionary<string, long> Outbox, string JournalMode) Inspect()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Database.FilePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        var outbox = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT status, count(*) FROM outbox GROUP BY status ORDER BY status";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                outbox[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode";
        return (outbox, Convert.ToString(pragma.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "?");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        finally
        {
            _host.Dispose();
        }
    }
}
