using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Omnichannel.Bots.AspNetCore;
using Omnichannel.Bots.Customers;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Adapters.Telegram;

public static class TelegramBotBuilderExtensions
{
    /// <summary>
    /// Telegram through the Bot API, settings in <c>Channels:Telegram</c> (checked on start when <c>Enabled</c>):
    /// updates by webhook at <c>POST /api/channels/telegram</c> (map it with <c>app.MapBotEndpoints()</c>) or by long
    /// polling (<c>UseLongPolling</c>), into the inbox; replies in HTML with inline keyboards. Long button values are kept
    /// in the bot's SQLite database (<c>AddSqliteStorage()</c>; feature <c>telegram</c>).
    /// </summary>
    public static BotBuilder AddTelegramChannel(this BotBuilder bot, Action<TelegramOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var options = bot.Services.AddOptions<TelegramOptions>()
            .BindConfiguration(TelegramOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        bot.Services.TryAddSingleton(TimeProvider.System);
        // Bot API URLs carry the token (/bot<token>/method): the factory's request logging would write it to the log.
        bot.Services.AddHttpClient(TelegramApi.HttpClientName).RemoveAllLoggers();
        bot.Services.AddSqliteSchema(SqliteTelegramSchema.Schema);
        bot.Services.TryAddSingleton(services => new SqliteCallbackValueStore(
            services.GetService<SqliteDatabase>()
                ?? throw new InvalidOperationException("Telegram keeps long button values in the bot's SQLite database: add AddSqliteStorage() to the bot."),
            services.GetRequiredService<TimeProvider>()));
        bot.Services.TryAddSingleton<CallbackData>();
        bot.Services.TryAddSingleton<TelegramApi>();
        bot.Services.TryAddSingleton<TelegramUpdateMapper>();
        bot.Services.TryAddSingleton<TelegramUpdateReceiver>();
        bot.AddChannel<TelegramChannelAdapter>();
        bot.AddObserver<TelegramTypingObserver>();
        bot.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelLinkTarget, TelegramLinkTarget>());
        bot.Services.AddHostedService<TelegramLongPolling>();
        bot.Services.AddHostedService<TelegramWebhookRegistration>();
        bot.Services.AddSingleton<IBotEndpoints, TelegramWebhookEndpoints>();
        return bot;
    }
}
