using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Omnichannel.Bots.Knowledge;
using SupportBot.Dialogs;
using SupportBot.Orders;

namespace SupportBot;

/// <summary>
/// The sample's dialogs and services, so the host, the tests and the benchmark declare the same bot. The knowledge
/// dialog needs an <see cref="IKnowledgeBase"/> registered by the host (tests register a scripted one).
/// </summary>
public static class SupportBotRegistration
{
    public static BotBuilder AddSupportBot(this BotBuilder bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        bot.Services.TryAddSingleton<IOrderService, SampleOrderService>();
        return bot
            .AddRootDialog<SupportDialog>()
            .AddDialog<OrderStatusDialog>()
            .AddDialog<ReturnsDialog>()
            .AddKnowledgeAnswers();
    }
}
