using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Omnichannel.Bots.Adapters.Console;

public static class ConsoleBotBuilderExtensions
{
    /// <summary>Chats with the bot in this terminal: each line typed is a customer message, replies are printed.</summary>
    public static BotBuilder AddConsoleChannel(this BotBuilder bot, ConsoleChannelIO? io = null)
    {
        ArgumentNullException.ThrowIfNull(bot);
        bot.Services.TryAddSingleton(io ?? ConsoleChannelIO.Standard);
        bot.AddChannel<ConsoleChannelAdapter>();
        bot.Services.AddHostedService<ConsoleChannelService>();
        return bot;
    }
}
