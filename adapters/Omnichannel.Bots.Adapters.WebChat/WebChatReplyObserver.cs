namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// Wakes a conversation's open Direct Line streams once a turn that replied on web chat has committed: its replies were
/// appended to the log in that commit (<see cref="SqliteWebChatTurnParticipant"/>), and each stream reads what it has
/// not sent yet.
/// </summary>
internal sealed class WebChatReplyObserver : ITurnObserver
{
    private readonly ConversationStreams _streams;

    public WebChatReplyObserver(ConversationStreams streams)
    {
        _streams = streams;
    }

    public ValueTask TurnCommittedAsync(TurnOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.RepliesDropped)
        {
            return ValueTask.CompletedTask;
        }

        string? woken = null;
        foreach (var reply in outcome.Replies)
        {
            if (reply.Channel == ChannelId.WebChat && reply.Kind == MessageKind.Message && reply.Conversation.Id != woken)
            {
                woken = reply.Conversation.Id;
                _streams.Appended(woken);
            }
        }

        return ValueTask.CompletedTask;
    }
}
