namespace Omnichannel.Bots.Handoff;

/// <summary>
/// Everything a human needs to take over a conversation without asking the customer to repeat themselves: who they
/// are (with every linked identity), the channels of this journey and whether each can still be answered, why the bot
/// escalated and which rule fired, what the bot understood and answered (with its knowledge sources), where in a
/// dialog the customer was, a short summary and the full transcript. Serialized as camelCase JSON; the schema is
/// <c>handoff-packet.schema.json</c> next to this file. <see cref="SchemaVersion"/> changes its major number only for
/// a change a consumer could break on.
/// </summary>
public sealed record HandoffPacket
{
    /// <summary>1.2 added the customer's <c>displayName</c>, <c>verifiedIdentities</c> and <c>channelsUsed</c>.</summary>
    public const string CurrentSchemaVersion = "1.2";

    public string SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The handoff's id in this bot (the agent workspace's ticket number).</summary>
    public required string HandoffId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required PacketCustomer Customer { get; init; }

    /// <summary>The channels the customer used in this journey, the one they wrote on last first.</summary>
    public required IReadOnlyList<PacketChannel> Channels { get; init; }

    public required PacketRouting Routing { get; init; }

    /// <summary>What the customer wants, as the bot last understood it; null when it never understood.</summary>
    public PacketIntent? Intent { get; init; }

    /// <summary>Order numbers, emails, phone numbers and amounts the customer gave, first mention first.</summary>
    public required IReadOnlyList<PacketEntity> Entities { get; init; }

    public required PacketSentiment Sentiment { get; init; }

    /// <summary>The bot's answers from the knowledge base, with the articles they came from and their scores.</summary>
    public required IReadOnlyList<PacketAnswer> BotAnswers { get; init; }

    /// <summary>The dialog and step the customer was in when the bot escalated; null when no dialog was under way.</summary>
    public PacketDialogPosition? Dialog { get; init; }

    /// <summary>A few sentences for the agent to read first (extractive by default).</summary>
    public required string Summary { get; init; }

    /// <summary>The whole journey, oldest first, each message with its channel.</summary>
    public required IReadOnlyList<PacketMessage> Transcript { get; init; }
}
