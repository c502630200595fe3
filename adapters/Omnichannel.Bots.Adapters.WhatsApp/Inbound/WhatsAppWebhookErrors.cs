using System.Globalization;
using System.Text.Json;

namespace Omnichannel.Bots.Adapters.WhatsApp;

/// <summary>
/// Meta's webhook error objects (<c>{"code", "title", "message", "error_data": {"details"}}</c>, in a status, an
/// <c>unsupported</c> message or a change's <c>errors</c>) read into their code and one line of words.
/// </summary>
internal static class WhatsAppWebhookErrors
{
    /// <summary>The error's code as text (<c>131047</c>), or null when it has none.</summary>
    public static string? Code(JsonElement error) =>
        error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number && code.TryGetInt64(out var number)
            ? number.ToString(CultureInfo.InvariantCulture)
            : null;

    /// <summary>The title (or message) and the details, in one line (<c>Re-engagement message: Message failed to send because ...</c>).</summary>
    public static string Words(JsonElement error)
    {
        var title = WhatsAppMessageMapper.Text(error, "title") ?? WhatsAppMessageMapper.Text(error, "message") ?? "no title";
        var details = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("error_data", out var data) ? WhatsAppMessageMapper.Text(data, "details") : null;
        return string.IsNullOrWhiteSpace(details) || details == title ? title : $"{title}: {details}";
    }

    /// <summary>Code and words, for logs.</summary>
    public static string Describe(JsonElement error) => Code(error) is { } code ? $"{code} {Words(error)}" : Words(error);
}
