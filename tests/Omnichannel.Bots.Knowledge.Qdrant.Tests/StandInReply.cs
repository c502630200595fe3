namespace Omnichannel.Bots.Knowledge.Qdrant.Tests;

/// <summary>A scripted answer: status, body, optional Retry-After seconds and delay.</summary>
public sealed record StandInReply(int Status, string Body, int? RetryAfterSeconds = null, TimeSpan Delay = default);
