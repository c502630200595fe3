namespace Omnichannel.Bots;

/// <summary>
/// The folder the bot keeps its files in (<c>Storage:DataDirectory</c>, resolved against the content root), as the
/// registered storage resolved it. Components that keep files of their own (web chat's secret and uploads) put them
/// here, so they always sit beside the database.
/// </summary>
public sealed record BotDataDirectory(string Path);
