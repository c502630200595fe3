namespace Omnichannel.Bots.Storage;

/// <summary>
/// What is stored about reaching the customer on one conversation: when they last wrote (a reply window counts from
/// it), since when they have opted out (an opt-out keyword not yet followed by an opt-in one), and the provider's mark
/// that the chat cannot be reached, while the customer has not written since.
/// </summary>
public sealed record ConversationReach
{
    /// <summary>A conversation with nothing stored: the customer never wrote, never opted out, never unreachable.</summary>
    public static ConversationReach None { get; } = new();

    /// <summary>When the customer's last message on the conversation was stored; null when they never wrote on it.</summary>
    public DateTimeOffset? LastInboundAt { get; init; }

    /// <summary>When the customer opted out; null when they have not (or opted in again since).</summary>
    public DateTimeOffset? OptedOutAt { get; init; }

    /// <summary>The provider's unreachable mark; null when there is none, or the customer has written since it was set.</summary>
    public UnreachableMark? Unreachable { get; init; }
}
