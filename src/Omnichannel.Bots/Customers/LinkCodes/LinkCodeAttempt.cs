namespace Omnichannel.Bots.Customers;

/// <summary>A sender trying a code, and the throttles that apply to wrong ones.</summary>
/// <param name="CodeHash">The hash of the code they sent.</param>
/// <param name="SenderKey">Their channel key (<c>telegram:12345</c>): what the code links, and what wrong codes are counted by.</param>
/// <param name="Channel">The channel they sent it on (a code does nothing on the channel it was asked on).</param>
/// <param name="At">Now.</param>
/// <param name="PerSender">Wrong codes allowed from one sender.</param>
/// <param name="Overall">Wrong codes allowed from all senders together.</param>
public sealed record LinkCodeAttempt(string CodeHash, string SenderKey, ChannelId Channel, DateTimeOffset At, RateLimit PerSender, RateLimit Overall);
