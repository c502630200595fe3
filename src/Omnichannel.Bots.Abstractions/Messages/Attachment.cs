using System.Text.Json.Serialization;

namespace Omnichannel.Bots;

/// <summary>A file sent with a message: an image, audio, video or document, by URL.</summary>
public sealed record Attachment(string ContentType, Uri Url, string? Name = null)
{
    [JsonIgnore]
    public MediaKinds Kind => ContentType switch
    {
        _ when ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) => MediaKinds.Image,
        _ when ContentType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) => MediaKinds.Audio,
        _ when ContentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase) => MediaKinds.Video,
        _ => MediaKinds.File,
    };
}
