using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Omnichannel.Bots.Adapters.Console;
using Omnichannel.Bots.Adapters.Messenger;
using Omnichannel.Bots.Adapters.Sms;
using Omnichannel.Bots.Adapters.Telegram;
using Omnichannel.Bots.Adapters.WhatsApp;
using Omnichannel.Bots.Adapters.WebChat;
using Omnichannel.Bots.AspNetCore;
using Omnichannel.Bots.Handoff;
using Omnichannel.Bots.Handoff.Workspace;
using Omnichannel.Bots.Knowledge;
using Omnichannel.Bots.Knowledge.Qdrant;
using Omnichannel.Bots.Storage.Sqlite;

namespace SupportBot;

/// <summary>The sample host: the support dialogs on SQLite, web chat and its demo page at <c>/</c>, human handoff and the agent workspace at <c>/agent</c>.</summary>
public static class SupportBotApp
{
    /// <param name="args">Command-line arguments (<c>--urls</c>, <c>--Storage:DataDirectory=...</c>, <c>--console</c>).</param>
    /// <param name="contentRoot">Where appsettings.json, wwwroot and ./data are; the current directory when null.</param>
    /// <param name="configureServices">Replaces services after the bot's own registrations (tests: a clock they control).</param>
    public static WebApplication Build(string[] args, string? contentRoot = null, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var console = args.Contains("--console");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. args.Where(a => a != "--console")],
            ContentRootPath = contentRoot,
            WebRootPath = contentRoot is null ? null : Path.Combine(contentRoot, "wwwroot"),
        });
        builder.Services.AddOmnichannelBot(bot =>
        {
            bot.AddHandoff().AddSupportBot().AddKnowledge().AddSqliteStorage().AddWebChatChannel().AddAgentWorkspace().AddJourneys().AddLinkCodes();
            if (string.Equals(builder.Configuration["Knowledge:Store"], "qdrant", StringComparison.OrdinalIgnoreCase))
            {
                // Knowledge:Qdrant:Url (and ApiKey, Collection) say where; see src/Omnichannel.Bots.Knowledge.Qdrant/README.md.
                bot.AddQdrantKnowledgeStore();
            }
            if (builder.Configuration.GetValue<bool>("Channels:Telegram:Enabled"))
            {
                // Channels:Telegram:BotToken and SecretToken (or UseLongPolling); see adapters/Omnichannel.Bots.Adapters.Telegram/README.md.
                bot.AddTelegramChannel();
            }
            if (builder.Configuration.GetValue<bool>("Channels:Sms:Enabled"))
            {
                // Channels:Sms:AccountSid, AuthToken, FromNumber (or MessagingServiceSid), PublicBaseUrl; see adapters/Omnichannel.Bots.Adapters.Sms/README.md.
                bot.AddSmsChannel();
            }
            if (builder.Configuration.GetValue<bool>("Channels:Messenger:Enabled"))
            {
                // Channels:Messenger:AppSecret, VerifyToken, PageAccessToken (and PageId); see adapters/Omnichannel.Bots.Adapters.Messenger/README.md.
                bot.AddMessengerChannel();
            }
            if (builder.Configuration.GetValue<bool>("Channels:WhatsApp:Enabled"))
            {
                // Channels:WhatsApp:AppSecret, VerifyToken, AccessToken, PhoneNumberId; see adapters/Omnichannel.Bots.Adapters.WhatsApp/README.md.
                bot.AddWhatsAppChannel();
            }
            if (console)
            {
                bot.AddConsoleChannel();
            }
        });

        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapBotEndpoints();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                Console.WriteLine($"Support bot is up: open {address} in a browser (Ctrl+C stops it).");
            }
        });
        return app;
    }
}
