namespace Omnichannel.Bots.Storage;

/// <summary>How many messages are parked, and the oldest one's inbox id and time (null when none is).</summary>
public sealed record ParkedSummary(int Count, long? OldestSequence, DateTimeOffset? OldestParkedAt);
