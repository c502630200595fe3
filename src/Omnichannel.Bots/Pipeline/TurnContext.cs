using System.Globalization;
using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots;

/// <summary>
/// One turn: the customer's message, who they are, the conversation and channel it came on, and the replies and
/// handoff the turn produces. Replies are collected and committed with the turn's state in one transaction; nothing
/// is sent until the turn has committed.
/// </summary>
public sealed class TurnContext
{
    private readonly List<BotMessage> _replies = [];
    private readonly List<TurnRecord> _records = [];

    internal TurnContext(
        InboxEntry inbound,
        BotMessage message,
        TurnSnapshot snapshot,
        ChannelProfile channel,
        CultureInfo culture,
        TimeProvider time,
        IServiceProvider services)
    {
        Inbound = inbound;
        Message = message;
        Conversation = snapshot.Conversation;
        Customer = snapshot.Customer;
        Channel = channel;
        Culture = culture;
        Time = time;
        Services = services;
        DialogStateJson = snapshot.DialogState?.Json;
        PreviousChannel = snapshot.PreviousChannel;
    }

    /// <summary>The customer's message; <see cref="BotMessage.Value"/> is set when they picked one of the offered choices.</summary>
    public BotMessage Message { get; }

    public ConversationRecord Conversation { get; }

    public CustomerRecord Customer { get; }

    /// <summary>The channel of the customer's previous message (on any conversation); null on their first message.</summary>
    public ChannelId? PreviousChannel { get; }

    /// <summary>True when the customer's previous message came on another channel: they switched channels for this one.</summary>
    public bool SwitchedChannel => PreviousChannel is { } previous && previous != Message.Channel;

    /// <summary>The channel the message came on and what it can show.</summary>
    public ChannelProfile Channel { get; }

    /// <summary>The customer's language and formats: the message's locale, else the conversation's, else the bot's default.</summary>
    public CultureInfo Culture { get; }

    public TimeProvider Time { get; }

    public IServiceProvider Services { get; }

    /// <summary>The replies so far, as the dialog wrote them (before rendering for the channel).</summary>
    public IReadOnlyList<BotMessage> Replies => _replies;

    /// <summary>Set when the turn asked for a human.</summary>
    public HandoffRequest? Handoff { get; private set; }

    /// <summary>What the turn learned about the message (sentiment, entities, intent, knowledge answer); stored with it.</summary>
    public TurnInsights Insights { get; set; } = TurnInsights.None;

    /// <summary>The features' typed values committed with this turn (see <see cref="SetRecord{T}"/>).</summary>
    public IReadOnlyList<TurnRecord> Records => _records;

    internal InboxEntry Inbound { get; }

    /// <summary>The journey's dialog stack as read, and as the dialog leaves it.</summary>
    internal string? DialogStateJson { get; set; }

    /// <summary>
    /// A reply addressed to this conversation, to adjust with <c>with</c> and pass to <see cref="ReplyAsync"/>, which
    /// gives it its final id.
    /// </summary>
    public BotMessage CreateReply(string? text) => new()
    {
        Id = $"out-{Inbound.Sequence}-{_replies.Count + 1}",
        Channel = Message.Channel,
        Conversation = Message.Conversation,
        Text = text,
        Locale = Message.Locale,
        Timestamp = Time.GetUtcNow(),
    };

    /// <summary>Adds a reply. It is rendered for the channel and sent after the turn commits.</summary>
    public Task ReplyAsync(BotMessage reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        cancellationToken.ThrowIfCancellationRequested();
        if (reply.Channel != Message.Channel || reply.Conversation != Message.Conversation)
        {
            throw new ArgumentException("A turn replies only to its own conversation; create replies with CreateReply.", nameof(reply));
        }

        _replies.Add(reply with { Id = $"out-{Inbound.Sequence}-{_replies.Count + 1}" });
        return Task.CompletedTask;
    }

    /// <summary>Moves the conversation to a human queue when the turn commits; the bot stays silent until it is handed back.</summary>
    public Task HandoffAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        Handoff ??= request;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Replaces the turn's handoff request: routing middleware completes a dialog's request with its queue, priority
    /// and rule, or escalates a turn the dialog answered.
    /// </summary>
    public void ReplaceHandoff(HandoffRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Handoff = request;
    }

    /// <summary>Withdraws the turn's handoff request (routing middleware refusing it, for example past a limit).</summary>
    public void ClearHandoff() => Handoff = null;

    /// <summary>
    /// Sets the turn's value of a feature's record type (replacing one set before); it is committed with the turn, in the
    /// same transaction, when the turn completes.
    /// </summary>
    public void SetRecord<T>(T record)
        where T : TurnRecord
    {
        ArgumentNullException.ThrowIfNull(record);
        _records.RemoveAll(r => r is T);
        _records.Add(record);
    }

    /// <summary>Drops the replies drafted so far (a handoff replaces the bot's draft with its own message).</summary>
    public void DiscardReplies() => _replies.Clear();
}
