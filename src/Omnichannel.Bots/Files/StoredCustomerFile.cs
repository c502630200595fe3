using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichannel.Bots.Files;

/// <summary>
/// A customer file's sidecar (<c>ID.json</c>). <see cref="Conversation"/>, <see cref="SavedAt"/> and
/// <see cref="Bytes"/> are null in web chat uploads saved before quotas; the property names are those web chat wrote,
/// so its older sidecars read unchanged.
/// </summary>
internal sealed record StoredCustomerFile(string ContentType, string? Name, string? Conversation = null, DateTimeOffset? SavedAt = null, long? Bytes = null)
{
    public static string Serialize(StoredCustomerFile stored) => JsonSerializer.Serialize(stored, StoredCustomerFileJsonContext.Default.StoredCustomerFile);

    public static StoredCustomerFile? Deserialize(string json) => JsonSerializer.Deserialize(json, StoredCustomerFileJsonContext.Default.StoredCustomerFile);
}

[JsonSerializable(typeof(StoredCustomerFile))]
internal sealed partial class StoredCustomerFileJsonContext : JsonSerializerContext;
