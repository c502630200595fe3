namespace Omnichannel.Bots.Handoff;

/// <summary>One customer message's sentiment score (-1..+1).</summary>
public sealed record PacketSentimentPoint(DateTimeOffset At, double Score);
