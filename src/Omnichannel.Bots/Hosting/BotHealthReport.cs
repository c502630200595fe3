namespace Omnichannel.Bots;

/// <summary>
/// One component's health. <see cref="Degraded"/> means the bot still serves but someone should look (a knowledge
/// file with errors keeps its last good version serving); <see cref="Details"/> is serialized as JSON.
/// </summary>
public sealed record BotHealthReport(bool Degraded, object Details);
