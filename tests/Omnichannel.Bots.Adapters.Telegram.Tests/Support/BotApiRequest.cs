using System.Text.Json;

namespace Omnichannel.Bots.Adapters.Telegram.Tests;

/// <summary>One call the bot made to the Bot API: the method (from <c>/bot&lt;token&gt;/&lt;method&gt;</c>), the token, and the parameters as JSON.</summary>
public sealed record BotApiRequest(string Method, string Token, JsonElement Parameters)
{
    public string? Text(string name) =>
        Parameters.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
}
