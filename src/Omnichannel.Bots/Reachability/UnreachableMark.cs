namespace Omnichannel.Bots;

/// <summary>
/// The provider said a chat cannot be reached (<see cref="ChannelSendException.Unreachable"/>: the customer blocked the
/// bot or deleted the chat): its words, its error code when it gave one, and when.
/// </summary>
public sealed record UnreachableMark(string Reason, string? ProviderCode, DateTimeOffset At);
