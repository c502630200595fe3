using Microsoft.Extensions.Options;
using Omnichannel.Bots.Identity;
using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// What a signed-in (verified) visitor sees of their journey on other channels at the top of a web chat conversation:
/// their latest messages and the answers to them on SMS, WhatsApp, Telegram..., written before this conversation
/// started, each labelled with its channel (<see cref="DirectLineHistoryLabel"/>). They are read from the customer's
/// transcript whenever a client reads the conversation from its start, never copied into the activity log, so they
/// show what the transcript holds now (an erased customer's are gone). Anonymous visitors see none: nothing proves who
/// they are.
/// </summary>
internal sealed class OtherChannelHistory
{
    /// <summary>How many of the customer's latest messages (all channels) are searched for ones from other channels.</summary>
    private const int SearchWindow = 200;

    private readonly IActivityLogStore _log;
    private readonly IInboxStore _inbox;
    private readonly ITranscriptStore _transcripts;
    private readonly WebChatOptions _options;

    public OtherChannelHistory(IActivityLogStore log, IInboxStore inbox, ITranscriptStore transcripts, IOptions<WebChatOptions> options)
    {
        _log = log;
        _inbox = inbox;
        _transcripts = transcripts;
        _options = options.Value;
    }

    /// <summary>The history activities (serialized, with their ids) to show before the conversation's own; empty for anonymous visitors.</summary>
    public async Task<IReadOnlyList<string>> ReadAsync(string conversationId, WebChatUser user, CancellationToken cancellationToken)
    {
        if (!user.Verified || _options.OtherChannelHistory == 0
            || await _log.FindCreatedAtAsync(conversationId, cancellationToken).ConfigureAwait(false) is not { } startedAt)
        {
            return [];
        }

        var address = new ConversationAddress(DirectLineActivities.ChannelName, conversationId);
        var keys = IdentityKeys.For(ChannelId.WebChat, user.ToParticipant());
        if (await _inbox.FindCustomerAsync(ChannelId.WebChat, address, keys, cancellationToken).ConfigureAwait(false) is not { } customerId)
        {
            return [];
        }

        var recent = await _transcripts.GetRecentByCustomerAsync(customerId, SearchWindow, cancellationToken).ConfigureAwait(false);
        return
        [
            .. recent
                .Where(e => e.Channel != ChannelId.WebChat && e.At < startedAt && e.Message.Kind != MessageKind.Typing
                    && (!string.IsNullOrEmpty(e.Message.Text) || e.Message.Attachments.Count > 0))
                .TakeLast(_options.OtherChannelHistory)
                .Select(e => DirectLineActivities.ForHistory(e, conversationId, user)),
        ];
    }
}
