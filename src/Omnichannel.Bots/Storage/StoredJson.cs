using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichannel.Bots.Storage;

/// <summary>
/// How stores write messages and offered choices as JSON (one format for every storage provider). The provider's
/// raw payload is not part of it; stores keep it separately when it is text.
/// </summary>
public static class StoredJson
{
    public static string Serialize(BotMessage message) => JsonSerializer.Serialize(message, StoredJsonContext.Default.BotMessage);

    public static BotMessage DeserializeMessage(string json) =>
        JsonSerializer.Deserialize(json, StoredJsonContext.Default.BotMessage)
        ?? throw new JsonException("A stored message is null.");

    public static string? Serialize(OfferedChoices? choices) =>
        choices is null ? null : JsonSerializer.Serialize(choices, StoredJsonContext.Default.OfferedChoices);

    public static OfferedChoices? DeserializeChoices(string? json) =>
        json is null ? null : JsonSerializer.Deserialize(json, StoredJsonContext.Default.OfferedChoices);

    /// <summary>A turn's insights as stored with its inbound message; null when it learned nothing.</summary>
    public static string? Serialize(TurnInsights? insights) =>
        insights is null || insights == TurnInsights.None ? null : JsonSerializer.Serialize(insights, StoredJsonContext.Default.TurnInsights);

    public static TurnInsights? DeserializeInsights(string? json) =>
        json is null ? null : JsonSerializer.Deserialize(json, StoredJsonContext.Default.TurnInsights);

    /// <summary>The provider's original payload as text, when the adapter kept it as a string or JSON element.</summary>
    public static string? RawText(BotMessage message) => message?.RawRepresentation switch
    {
        string text => text,
        JsonElement element => element.GetRawText(),
        _ => null,
    };
}
