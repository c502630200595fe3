using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Omnichannel.Bots.AspNetCore;
using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Adapters.Sms;

public static class SmsBotBuilderExtensions
{
    /// <summary>
    /// SMS through Twilio's Messaging API, settings in <c>Channels:Sms</c> (checked on start when <c>Enabled</c>):
    /// incoming messages at <c>POST /api/channels/sms</c> and status callbacks at <c>POST /api/channels/sms/status</c>
    /// (map them with <c>app.MapBotEndpoints()</c>), both signed with <c>X-Twilio-Signature</c>; replies through
    /// <c>Messages.json</c>.
    /// </summary>
    public static BotBuilder AddSmsChannel(this BotBuilder bot, Action<SmsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var options = bot.Services.AddOptions<SmsOptions>()
            .BindConfiguration(SmsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        bot.Services.TryAddSingleton(TimeProvider.System);
        // No resilience handler: the outbox retries, honouring Twilio's Retry-After, and a retry here would send twice.
        bot.Services.AddHttpClient(SmsChannelAdapter.HttpClientName);
        bot.Services.TryAddSingleton<TwilioMessageMapper>();
        bot.AddChannel<SmsChannelAdapter>();
        bot.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelLinkTarget, SmsLinkTarget>());
        bot.Services.AddSingleton<IBotEndpoints, SmsWebhookEndpoints>();
        return bot;
    }
}
