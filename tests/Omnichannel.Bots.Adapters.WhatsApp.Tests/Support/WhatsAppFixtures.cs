using System.Text;
using System.Text.Json.Nodes;

namespace Omnichannel.Bots.Adapters.WhatsApp.Tests;

/// <summary>The webhook bodies under Fixtures/ (see its README for the Meta reference page each follows), with their placeholders filled in.</summary>
public static class WhatsAppFixtures
{
    /// <summary>The body of <paramref name="name"/> (<c>text</c>, <c>status</c>, ...) with <c>{{FROM}}</c>, <c>{{WAMID}}</c>, ... replaced, as UTF-8 bytes.</summary>
    public static byte[] Body(string name, string from, string wamid, string? mediaId = null, string? status = null, string phoneNumberId = WhatsAppTestHost.PhoneNumberId) =>
        Encoding.UTF8.GetBytes(Text(name)
            .Replace("{{PHONE_NUMBER_ID}}", phoneNumberId, StringComparison.Ordinal)
            .Replace("{{FROM}}", from, StringComparison.Ordinal)
            .Replace("{{WAMID}}", wamid, StringComparison.Ordinal)
            .Replace("{{MEDIA_ID}}", mediaId ?? "1", StringComparison.Ordinal)
            .Replace("{{STATUS}}", status ?? "delivered", StringComparison.Ordinal));

    /// <summary>A text message from <paramref name="from"/>.</summary>
    public static byte[] Text(string from, string wamid, string text) =>
        Body("text", from, wamid).Replace("Does it come in another color?", text);

    /// <summary>A <c>whatsapp_business_account</c> batch of <paramref name="entries"/>, as UTF-8 bytes.</summary>
    public static byte[] Batch(params JsonObject[] entries) =>
        Encoding.UTF8.GetBytes(new JsonObject { ["object"] = "whatsapp_business_account", ["entry"] = new JsonArray(entries) }.ToJsonString());

    /// <summary>One entry with one <c>messages</c> change for the configured number: <paramref name="messages"/> from <paramref name="from"/>.</summary>
    public static JsonObject Entry(string from, params JsonObject[] messages) => new()
    {
        ["id"] = "102290129340398",
        ["changes"] = new JsonArray(new JsonObject
        {
            ["field"] = "messages",
            ["value"] = new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["metadata"] = new JsonObject { ["display_phone_number"] = "15550783881", ["phone_number_id"] = WhatsAppTestHost.PhoneNumberId },
                ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Customer" }, ["wa_id"] = from }),
                ["messages"] = new JsonArray(messages),
            },
        }),
    };

    private static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".json"));

    private static byte[] Replace(this byte[] body, string from, string to) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace(from, System.Text.Json.JsonEncodedText.Encode(to).ToString(), StringComparison.Ordinal));
}
