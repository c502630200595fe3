using System.Text.Json.Serialization;

namespace Omnichannel.Bots.Handoff;

/// <summary>How urgently a human should take a conversation; queues list higher priorities first, then the longest waiting.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HandoffPriority>))]
public enum HandoffPriority
{
    Low = 0,
    Normal = 1,
    High = 2,
    Urgent = 3,
}
