using System.Text.Json.Serialization;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// Source-generated serialization of the Direct Line records: an activity is serialized once, when it is stored, and
/// sent as stored (see <see cref="DirectLineActivities.ActivitySet"/>).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DirectLineActivity))]
[JsonSerializable(typeof(DirectLineResourceResponse))]
internal sealed partial class DirectLineJsonContext : JsonSerializerContext;
