using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// Sends to web chat by appending to the conversation's log (what Direct Line clients read by watermark) and waking
/// its open streams. The outbox message id is the dedupe key, so a send retried after a crash is not shown twice.
/// </summary>
internal sealed class WebChatChannelAdapter : ChannelAdapter
{
    private readonly IActivityLogStore _log;
    private readonly ConversationStreams _streams;

    public WebChatChannelAdapter(IActivityLogStore log, ConversationStreams streams)
    {
        _log = log;
        _streams = streams;
    }

    public override ChannelProfile Profile => ChannelProfiles.WebChat;

    public override async Task<SendReceipt> SendAsync(BotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var conversationId = message.Conversation.Id;
        if (message.Kind == MessageKind.Typing)
        {
            _streams.Transient(conversationId, DirectLineActivities.Typing(conversationId));
            return new SendReceipt(null);
        }

        if (await _log.FindOwnerAsync(conversationId, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new ChannelSendException($"There is no web chat conversation '{conversationId}'.", isTransient: false);
        }

        var payload = DirectLineActivities.ForBotMessage(message, conversationId, recipient: null);
        var appended = await _log.AppendAsync(conversationId, "bot:" + message.Id, payload, cancellationToken).ConfigureAwait(false);
        _streams.Appended(conversationId);
        return new SendReceipt(DirectLineActivities.IdFor(conversationId, appended.Sequence));
    }
}
