using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots;

/// <summary>A stored inbound message waiting for its turn, and whoever waits for the outcome.</summary>
internal sealed record TurnWork(InboxEntry Entry, TaskCompletionSource<TurnOutcome>? Waiter);
