namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// A Bot Framework activity as Direct Line 3.0 clients read it (the subset this server writes). Stored without
/// <see cref="Id"/>: the id and the watermark come from the log's sequence when it is read. Serialized with
/// <see cref="DirectLineJsonContext"/> (camelCase, nulls left out).
/// </summary>
internal sealed record DirectLineActivity
{
    public required string Type { get; init; }

    public string? Id { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public string ChannelId { get; init; } = DirectLineActivities.ChannelName;

    public required DirectLineAccount From { get; init; }

    public required DirectLineConversationAccount Conversation { get; init; }

    public DirectLineAccount? Recipient { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    /// <summary>What a customer's button or card submitted (a JSON value is kept as its text).</summary>
    public string? Value { get; init; }

    public string? Locale { get; init; }

    public IReadOnlyList<DirectLineAttachment>? Attachments { get; init; }

    public DirectLineSuggestedActions? SuggestedActions { get; init; }

    public DirectLineChannelData? ChannelData { get; init; }
}
