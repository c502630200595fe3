using System.Text.Json.Serialization;

namespace Omnichannel.Bots;

/// <summary>
/// One message on any channel, in either direction, normalized: the adapter maps the provider's wire format to it
/// and back. Immutable; derive a changed copy with <c>with</c>.
/// </summary>
public sealed record BotMessage
{
    /// <summary>The provider's message id for inbound messages (WhatsApp <c>wamid</c>, Telegram <c>update_id</c>, ...); ours for outbound.</summary>
    public required string Id { get; init; }

    public required ChannelId Channel { get; init; }

    /// <summary>Which of the bot's accounts on the channel, and which chat.</summary>
    public required ConversationAddress Conversation { get; init; }

    /// <summary>Who wrote it: the customer for inbound messages; the human agent for an agent's reply; null for the bot's own.</summary>
    public Participant? Sender { get; init; }

    public MessageKind Kind { get; init; } = MessageKind.Message;

    /// <summary>The text, in Markdown for outbound messages (the renderer converts it to what the channel shows).</summary>
    public string? Text { get; init; }

    /// <summary>The value of the choice the customer picked: a button's payload, or a numbered option mapped back.</summary>
    public string? Value { get; init; }

    /// <summary>Options offered with an outbound message (buttons, quick replies, or numbered options).</summary>
    public IReadOnlyList<Choice> Choices { get; init; } = [];

    /// <summary>How <see cref="Choices"/> are shown on an outbound message; the renderer sets it from the channel's capabilities.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ChoiceStyle ChoiceStyle { get; init; }

    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>
    /// An approved template to send instead of free-form text (WhatsApp), which the reply window does not limit;
    /// <see cref="Text"/> then holds the template's text as the transcript shows it. Null for an ordinary message.
    /// </summary>
    public MessageTemplate? Template { get; init; }

    /// <summary>Which window the message is sent in; set by the outbox on each send (see <see cref="SendWindow"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public SendWindow Window { get; init; }

    public GeoLocation? Location { get; init; }

    /// <summary>
    /// Where the whole text of an outbound reply can be read (a knowledge article's public page), for channels that must
    /// shorten it: the SMS renderer cuts a reply past its segment budget at a sentence and ends it with this link.
    /// </summary>
    public Uri? FullTextUrl { get; init; }

    /// <summary>
    /// The payload of the link the customer followed into the chat (Telegram's <c>/start</c> parameter, Messenger's
    /// <c>m.me</c> ref), kept for account linking; null when there was none.
    /// </summary>
    public string? DeepLinkPayload { get; init; }

    /// <summary>A BCP 47 language tag when the channel tells it (for example <c>en-GB</c>).</summary>
    public string? Locale { get; init; }

    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The provider's original object, for adapters and middleware that need a field we do not normalize.</summary>
    [JsonIgnore]
    public object? RawRepresentation { get; init; }
}
