namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// Sends to web chat what the outbox still holds for it: messages queued outside a turn (an agent's reply, a handoff's
/// closing words) are appended to the conversation's log (what Direct Line clients read by watermark), and typing
/// indicators go straight to its open streams. The bot's replies of a turn never come here: they are appended inside the
/// turn commit (<see cref="SqliteWebChatTurnParticipant"/>). The outbox message id is the dedupe key, so a send retried
/// after a crash is not shown twice.
/// </summary>
internal sealed class WebChatChannelAdapter : ChannelAdapter
{
    private readonly IActivityLogStore _log;
    private readonly ConversationStreams _streams;
    private readonly TimeProvider _time;

    public WebChatChannelAdapter(IActivityLogStore log, ConversationStreams streams, TimeProvider time)
    {
        _log = log;
        _streams = streams;
        _time = time;
    }

    public override ChannelProfile Profile => ChannelProfiles.WebChat;

    public override async Task<SendReceipt> SendAsync(BotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var conversationId = message.Conversation.Id;
        if (message.Kind == MessageKind.Typing)
        {
            _streams.Transient(conversationId, DirectLineActivities.TransientSet(DirectLineActivities.Typing(conversationId, _time.GetUtcNow())));
            return new SendReceipt(null);
        }

        if (await _log.FindOwnerAsync(conversationId, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new ChannelSendException($"There is no web chat conversation '{conversationId}'.", isTransient: false);
        }

        var payload = DirectLineActivities.ForBotMessage(message, conversationId, _time.GetUtcNow());
        var appended = await _log.AppendAsync(conversationId, SqliteWebChatTurnParticipant.DedupeKey(message), payload, cancellationToken).ConfigureAwait(false);
        _streams.Appended(conversationId);
        return new SendReceipt(DirectLineActivities.IdFor(conversationId, appended.Sequence));
    }
}
