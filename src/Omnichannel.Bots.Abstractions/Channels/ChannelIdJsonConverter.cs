using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichannel.Bots;

/// <summary>Writes a <see cref="ChannelId"/> as its string value.</summary>
public sealed class ChannelIdJsonConverter : JsonConverter<ChannelId>
{
    public override ChannelId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        return ChannelId.TryParse(value, out var channel)
            ? channel
            : throw new JsonException($"'{value}' is not a channel id.");
    }

    public override void Write(Utf8JsonWriter writer, ChannelId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
