using System.Text.Json.Serialization;

namespace Omnichannel.Bots.Storage;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(BotMessage))]
[JsonSerializable(typeof(OfferedChoices))]
[JsonSerializable(typeof(TurnInsights))]
internal sealed partial class StoredJsonContext : JsonSerializerContext;
