using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Omnichannel.Bots.Adapters.Meta;
using Omnichannel.Bots.AspNetCore;
using Omnichannel.Bots.Files;

namespace Omnichannel.Bots.Adapters.Messenger;

public static class MessengerBotBuilderExtensions
{
    /// <summary>
    /// Facebook Messenger through the Graph API, settings in <c>Channels:Messenger</c> (checked on start when
    /// <c>Enabled</c>): the page webhook at <c>GET|POST /api/channels/messenger</c> (map it with
    /// <c>app.MapBotEndpoints()</c>), signed with <c>X-Hub-Signature-256</c>, into the inbox and the delivery reports;
    /// customers' attachments kept in the host's file store right after they arrive and served at
    /// <c>GET /api/channels/messenger/media/{fileId}</c>; replies through the Send API with quick replies, attachments and sender actions.
    /// </summary>
    public static BotBuilder AddMessengerChannel(this BotBuilder bot, Action<MessengerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var options = bot.Services.AddOptions<MessengerOptions>()
            .BindConfiguration(MessengerOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        bot.Services.TryAddSingleton(TimeProvider.System);
        bot.Services.AddMetaGraphApi();
        bot.Services.TryAddSingleton<MessengerEventMapper>();
        bot.Services.AddCustomerFiles();

        // A plain client: the CDN URLs are signed themselves, and a failed download is tried again on the link's first open.
        bot.Services.AddHttpClient(MessengerMediaKeeper.HttpClientName);
        bot.Services.TryAddSingleton<MessengerMediaKeeper>();
        bot.Services.TryAddSingleton<MessengerMediaEndpoint>();
        bot.Services.TryAddSingleton<MessengerMediaDownloads>();
        bot.Services.AddHostedService(sp => sp.GetRequiredService<MessengerMediaDownloads>());
        bot.AddChannel<MessengerChannelAdapter>();
        bot.AddObserver<MessengerSenderActionObserver>();
        bot.Services.AddSingleton<IBotEndpoints, MessengerWebhookEndpoints>();
        return bot;
    }
}
