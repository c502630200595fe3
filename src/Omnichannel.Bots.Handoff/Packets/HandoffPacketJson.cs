using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichannel.Bots.Handoff;

/// <summary>
/// The packet's wire format: camelCase JSON, enums as lower-case strings, every property present (null when unknown),
/// as described by <c>handoff-packet.schema.json</c> in Omnichannel.Bots.Abstractions/Handoff.
/// </summary>
public static class HandoffPacketJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(HandoffPacket packet) => JsonSerializer.Serialize(packet, Options);

    public static HandoffPacket Deserialize(string json) =>
        JsonSerializer.Deserialize<HandoffPacket>(json, Options) ?? throw new JsonException("The handoff packet is null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
