using System.Text.Json.Serialization;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>A file attached to an activity, by link.</summary>
/// <param name="ContentType">Its media type.</param>
/// <param name="ContentUrl">Its absolute URL.</param>
/// <param name="Name">Its file name; written as <c>null</c> when unknown, as Direct Line does.</param>
internal sealed record DirectLineAttachment(
    string ContentType,
    string ContentUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Name);
