namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>A stored activity (without its id, which comes from <see cref="Sequence"/>).</summary>
/// <param name="Sequence">The entry's number in the log.</param>
/// <param name="DedupeKey">What makes a repeated append find this entry (<c>user:clientActivityID</c>, <c>bot:message id</c>).</param>
/// <param name="Payload">The activity's JSON.</param>
/// <param name="CreatedAt">When it was stored.</param>
internal sealed record ActivityLogEntry(long Sequence, string DedupeKey, string Payload, DateTimeOffset CreatedAt);
