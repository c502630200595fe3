using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Omnichannel.Bots.Handoff;

namespace Omnichannel.Bots.Storage.Sqlite;

public static class SqliteBotBuilderExtensions
{
    /// <summary>
    /// Keeps the bot's customers, conversations, transcript, dialog state, inbox, outbox and handoff tickets in one SQLite file under
    /// <c>Storage:DataDirectory</c> (default <c>./data</c> under the content root).
    /// </summary>
    public static BotBuilder UseSqliteStorage(this BotBuilder bot, Action<SqliteStorageOptions>? configure = null)
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
        bot.Services.TryAddSingleton<IActivityLogStore, SqliteActivityLogStore>();
        bot.Services.TryAddSingleton<IHandoffStore, SqliteHandoffStore>();
        return bot;
    }
}
