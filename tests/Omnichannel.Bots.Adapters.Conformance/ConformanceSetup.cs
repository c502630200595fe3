using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>
/// What the suite gives a driver's host: the clock every part of the host must use (register it as the host's
/// <see cref="TimeProvider"/>), and the suite's dialog, which <see cref="AddTo"/> declares on the bot.
/// </summary>
public sealed class ConformanceSetup
{
    public ConformanceSetup(ChannelProfile profile)
    {
        Script = new ConformanceScript(profile);
    }

    /// <summary>The host's clock: the suite advances it to test retries and pacing.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 18, 10, 0, 0, TimeSpan.Zero));

    public ConformanceScript Script { get; }

    /// <summary>Declares the suite's dialog as the bot's root dialog.</summary>
    public void AddTo(BotBuilder bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        bot.Services.AddSingleton(Script);
        bot.AddRootDialog<ConformanceDialog>();
    }
}
