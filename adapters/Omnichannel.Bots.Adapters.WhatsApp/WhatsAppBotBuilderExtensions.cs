using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Omnichannel.Bots.Adapters.Meta;
using Omnichannel.Bots.AspNetCore;
using Omnichannel.Bots.Customers;
using Omnichannel.Bots.Files;

namespace Omnichannel.Bots.Adapters.WhatsApp;

public static class WhatsAppBotBuilderExtensions
{
    /// <summary>
    /// WhatsApp through Meta's Cloud API, settings in <c>Channels:WhatsApp</c> (checked on start when <c>Enabled</c>):
    /// the webhook at <c>GET|POST /api/channels/whatsapp</c> (map it with <c>app.MapBotEndpoints()</c>) into the inbox
    /// and the delivery reports, customers' media at <c>GET /api/channels/whatsapp/media/{mediaId}</c> (kept in the
    /// host's file store), replies, buttons, lists and templates through the Graph API, and the customer's message
    /// marked read with "typing…" when a turn starts.
    /// </summary>
    public static BotBuilder AddWhatsAppChannel(this BotBuilder bot, Action<WhatsAppOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var options = bot.Services.AddOptions<WhatsAppOptions>()
            .BindConfiguration(WhatsAppOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        // No resilience handler: the outbox retries, by Meta's error codes, and a retry here would send twice.
        bot.Services.AddMetaGraphApi();
        bot.Services.AddCustomerFiles();
        bot.Services.TryAddSingleton<WhatsAppEntryReceiver>();
        bot.Services.TryAddSingleton<WhatsAppMediaEndpoint>();
        bot.AddChannel<WhatsAppChannelAdapter>();
        bot.AddObserver<WhatsAppReadObserver>();
        bot.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelLinkTarget, WhatsAppLinkTarget>());
        bot.Services.AddSingleton<IBotEndpoints, WhatsAppWebhookEndpoints>();
        return bot;
    }
}
