using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Handoff;

/// <summary>
/// A customer's whole transcript and conversations, and who they are (<see cref="Profile"/>), read once for everything
/// one desk request builds from them.
/// </summary>
public sealed record CustomerHistory(IReadOnlyList<TranscriptEntry> Transcript, IReadOnlyList<CustomerConversation> Conversations)
{
    /// <summary>The customer's name, verified identities and channels; null when the directory has no such customer.</summary>
    public CustomerProfile? Profile { get; init; }
}
