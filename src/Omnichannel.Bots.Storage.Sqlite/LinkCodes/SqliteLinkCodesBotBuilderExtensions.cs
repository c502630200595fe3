using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Storage.Sqlite;

public static class SqliteLinkCodesBotBuilderExtensions
{
    /// <summary>
    /// Lets customers link their channels themselves: "continue on WhatsApp / Telegram / SMS" (phrases in
    /// <c>Identity:LinkCodes:Phrases</c>, or <see cref="LinkCodes.OfferAsync"/> from a dialog) gives a one-time code
    /// and a link for that channel (its adapter's <see cref="IChannelLinkTarget"/>); the code sent there links the two
    /// (<see cref="ICustomerLinks"/>, provenance <see cref="IdentityProvenance.LinkCode"/>). Settings in
    /// <c>Identity:LinkCodes</c>, checked on start; codes kept hashed in the bot's SQLite file (feature
    /// <c>identity-links</c>, with its share of customer merges, export and erasure). Needs <c>AddSqliteStorage()</c>.
    /// </summary>
    public static BotBuilder AddLinkCodes(this BotBuilder bot, Action<LinkCodeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var options = bot.Services.AddOptions<LinkCodeOptions>()
            .BindConfiguration(LinkCodeOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        bot.Services.TryAddSingleton(TimeProvider.System);
        bot.Services.AddSqliteSchema(SqliteLinkCodeSchema.Schema);
        bot.Services.TryAddSingleton<ILinkCodeStore, SqliteLinkCodeStore>();
        bot.Services.TryAddSingleton<SqliteLinkCodeCustomerData>();
        bot.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISqliteCustomerMerge, SqliteLinkCodeCustomerData>(sp => sp.GetRequiredService<SqliteLinkCodeCustomerData>()));
        bot.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISqliteCustomerPrivacy, SqliteLinkCodeCustomerData>(sp => sp.GetRequiredService<SqliteLinkCodeCustomerData>()));
        bot.Services.TryAddSingleton<LinkCodes>();
        bot.Services.TryAddSingleton<LinkCodeMiddleware>();
        if (!bot.Services.Any(d => d.ServiceType == typeof(TurnMiddlewareRegistration) && d.ImplementationInstance is TurnMiddlewareRegistration { Name: "link-codes" }))
        {
            bot.Use("link-codes", TurnMiddlewareOrder.LinkCodes, sp => sp.GetRequiredService<LinkCodeMiddleware>().InvokeAsync);
        }

        return bot;
    }
}
