using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Knowledge;

/// <summary>Adds knowledge answers to a bot.</summary>
public static class KnowledgeBotBuilderExtensions
{
    /// <summary>
    /// Registers the <see cref="KnowledgeDialog"/> (id <c>knowledge</c>) with its options. The bot must also register an
    /// <see cref="IKnowledgeBase"/>; without one the host does not start, and says so.
    /// </summary>
    public static BotBuilder AddKnowledgeAnswers(this BotBuilder bot, Action<KnowledgeDialogOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var options = bot.Services.AddOptions<KnowledgeDialogOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        bot.Services.TryAddSingleton(sp => new KnowledgeDialog(
            sp.GetService<IKnowledgeBase>() ?? throw new InvalidOperationException(
                "The knowledge dialog needs an IKnowledgeBase: register one (the knowledge base over your Knowledge:Path folder) before the bot starts."),
            sp.GetRequiredService<IOptions<KnowledgeDialogOptions>>(),
            sp.GetRequiredService<ILogger<KnowledgeDialog>>()));
        return bot.AddDialog<KnowledgeDialog>();
    }
}
