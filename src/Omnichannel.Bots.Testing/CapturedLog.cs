using Microsoft.Extensions.Logging;

namespace Omnichannel.Bots.Testing;

/// <summary>One entry <see cref="CapturedLogs"/> kept.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : Environment.NewLine + Exception)}";
}
