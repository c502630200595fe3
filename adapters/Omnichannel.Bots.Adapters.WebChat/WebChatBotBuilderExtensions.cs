using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.AspNetCore;
using Omnichannel.Bots.Files;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Adapters.WebChat;

public static class WebChatBotBuilderExtensions
{
    /// <summary>
    /// Web chat over Bot Framework Direct Line 3.0 (Microsoft's Web Chat client works against it) and the embeddable
    /// widget at <c>/webchat.js</c>; settings in <c>Channels:WebChat</c>. Map the endpoints with
    /// <c>app.MapBotEndpoints()</c>. Web chat keeps its conversations' activity logs in the bot's SQLite database
    /// (<c>AddSqliteStorage()</c>, its own tables and migrations as feature <c>webchat</c>), and the bot's replies are
    /// appended there inside each turn's commit.
    /// </summary>
    public static BotBuilder AddWebChatChannel(this BotBuilder bot, Action<WebChatOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var options = bot.Services.AddOptions<WebChatOptions>()
            .BindConfiguration(WebChatOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        bot.Services.TryAddSingleton(TimeProvider.System);
        bot.Services.AddSqliteSchema(SqliteWebChatSchema.Schema);
        bot.Services.TryAddSingleton<IActivityLogStore>(services => new SqliteActivityLogStore(
            services.GetService<SqliteDatabase>()
                ?? throw new InvalidOperationException("Web chat keeps its conversations in the bot's SQLite database: add AddSqliteStorage() to the bot."),
            services.GetRequiredService<TimeProvider>()));
        bot.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISqliteTurnParticipant, SqliteWebChatTurnParticipant>());
        bot.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISqliteCustomerPrivacy, SqliteWebChatCustomerPrivacy>());
        bot.AddObserver<WebChatReplyObserver>();
        bot.Services.TryAddSingleton<DirectLineSecret>();
        bot.Services.TryAddSingleton<WebChatConversations>();
        bot.Services.TryAddSingleton<ConversationStreams>();
        bot.Services.TryAddSingleton<ConversationTokenExpiries>();
        bot.Services.TryAddSingleton<DirectLineStream>();
        bot.Services.TryAddSingleton<DirectLineUploads>();
        bot.Services.TryAddSingleton<DirectLineAuthorizer>();
        bot.Services.TryAddSingleton<WebChatSubmissions>();
        bot.Services.TryAddSingleton<OtherChannelHistory>();
        bot.Services.AddCustomerFiles();
        bot.Services.AddBotRateLimits();
        bot.Services.AddOptions<RateLimiterOptions>().Configure<DirectLineAuthorizer, IOptions<LimitsOptions>>((limiter, authorizer, limits) =>
        {
            limiter.AddPolicy(ConversationRateLimitPolicy.Activities, new ConversationRateLimitPolicy(authorizer, limits.Value.ActivitiesPerConversation));
            limiter.AddPolicy(ConversationRateLimitPolicy.Uploads, new ConversationRateLimitPolicy(authorizer, limits.Value.UploadsPerConversation));
        });
        // Stream URLs carry tokens (?t=): they are taken out of the request before the host logs it. The last
        // IHttpContextFactory registered is the one the host uses; it wraps the framework's default one.
        bot.Services.AddSingleton<IHttpContextFactory>(services => new StreamTokenRedaction(new DefaultHttpContextFactory(services)));
        bot.AddChannel<WebChatChannelAdapter>();
        bot.Services.AddSingleton<IBotEndpoints, DirectLineEndpoints>();
        bot.Services.AddSingleton<IBotEndpoints, WebChatWidgetEndpoints>();
        return bot;
    }
}
