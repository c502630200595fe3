using Omnichannel.Bots.Handoff;

namespace Omnichannel.Bots;

/// <summary>
/// What a turn learned about the customer's message, stored with it in the transcript (exactly once, in the turn's
/// commit): its sentiment, the entities in it, the intent, the knowledge base's attempt to answer, and where in the
/// dialogs the customer was after the turn. Routing rules and the handoff packet read it; dialogs and middleware
/// add to it with <c>turn.Insights = turn.Insights with { ... }</c>.
/// </summary>
public sealed record TurnInsights
{
    public static TurnInsights None { get; } = new();

    /// <summary>The message's sentiment, -1 (very negative) .. +1 (very positive); null when not scored.</summary>
    public double? Sentiment { get; init; }

    /// <summary>Order numbers, emails, phone numbers and amounts found in the message.</summary>
    public IReadOnlyList<PacketEntity> Entities { get; init; } = [];

    /// <summary>The intent the bot recognized in the message (a knowledge article id, a menu topic), if any.</summary>
    public PacketIntent? Intent { get; init; }

    /// <summary>The knowledge base's attempt to answer the message; null when it was not asked.</summary>
    public KnowledgeAttempt? Knowledge { get; init; }

    /// <summary>The dialog and step the customer is in after the turn; null when no dialog is under way.</summary>
    public PacketDialogPosition? Dialog { get; init; }

    /// <summary>True when the customer asked for a person in this message.</summary>
    public bool AskedForPerson { get; init; }
}
