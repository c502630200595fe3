namespace Omnichannel.Bots.Cli;

/// <summary>The arguments of <c>omnibot metrics</c> as given (checked by <see cref="MetricsReport"/>).</summary>
internal sealed record MetricsRequest(string? From, string? To, bool Json, string DataDirectory, string FileName, string? ConfigFile);
