namespace Omnichannel.Bots.Handoff;

/// <summary>The detected intent (a knowledge article id or a dialog's topic) and the confidence in it, 0..1.</summary>
public sealed record PacketIntent(string Name, double? Confidence);
