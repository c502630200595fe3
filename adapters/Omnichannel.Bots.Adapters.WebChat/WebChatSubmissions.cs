using Microsoft.AspNetCore.Http;
using Omnichannel.Bots.Inbound;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// Takes a customer's activity: stores it in the conversation's log (its echo; a repeated <c>clientActivityID</c> finds
/// the first one) and hands it to the inbox, which ignores a message it already has. Both steps are idempotent, so a
/// client retrying after a failure neither loses nor doubles the message.
/// </summary>
internal sealed class WebChatSubmissions
{
    private readonly IActivityLogStore _log;
    private readonly ConversationStreams _streams;
    private readonly IMessageInbox _inbox;
    private readonly TimeProvider _time;

    public WebChatSubmissions(IActivityLogStore log, ConversationStreams streams, IMessageInbox inbox, TimeProvider time)
    {
        _log = log;
        _streams = streams;
        _inbox = inbox;
        _time = time;
    }

    /// <param name="conversationId">The conversation, already authorized.</param>
    /// <param name="user">Who the token speaks for (the activity's own <c>from</c> is not trusted).</param>
    /// <param name="activity">The parsed activity.</param>
    /// <param name="uploaded">Attachments stored by an upload, added to the activity's own.</param>
    /// <param name="cancellationToken">Cancels before anything is stored.</param>
    /// <param name="storeUploads">
    /// Saves the uploaded files: called once the message is valid, before it is stored; a result it returns (the files
    /// were refused) is the answer, and nothing is stored.
    /// </param>
    public async Task<IResult> SubmitAsync(
        string conversationId,
        WebChatUser user,
        UserActivity activity,
        IReadOnlyList<Attachment> uploaded,
        CancellationToken cancellationToken,
        Func<CancellationToken, Task<IResult?>>? storeUploads = null)
    {
        if (!activity.IsMessage)
        {
            // Typing and events from the client: accepted, not stored, not acted on.
            return Results.Json(new DirectLineResourceResponse(conversationId + "|ignored-" + Guid.NewGuid().ToString("N")[..12]), DirectLineJsonContext.Default.DirectLineResourceResponse);
        }

        var now = _time.GetUtcNow();
        var key = activity.ClientActivityId ?? Guid.CreateVersion7().ToString("N");
        var content = activity with { Attachments = [.. activity.Attachments, .. uploaded] };
        var message = new BotMessage
        {
            Id = conversationId + "/" + key,
            Channel = ChannelId.WebChat,
            Conversation = new ConversationAddress(DirectLineActivities.ChannelName, conversationId),
            Sender = user.ToParticipant(),
            Text = content.Text,
            Value = content.Value,
            Attachments = content.Attachments,
            Locale = content.Locale,
            Timestamp = now,
        };
        if (!InboundMessage.TryCreate(message, out var inbound, out var problems))
        {
            return DirectLineResults.BadArgument(problems);
        }

        if (storeUploads is not null && await storeUploads(cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var appended = await _log.AppendAsync(
            conversationId, "user:" + key, DirectLineActivities.ForUserActivity(content, conversationId, user, now), cancellationToken).ConfigureAwait(false);
        if (appended.Added)
        {
            _streams.Appended(conversationId);
        }

        try
        {
            await _inbox.SubmitAsync(inbound, CancellationToken.None).ConfigureAwait(false);
        }
        catch (InboundMessageRejectedException ex)
        {
            return DirectLineResults.BadArgument(ex.Problems);
        }

        return Results.Json(new DirectLineResourceResponse(DirectLineActivities.IdFor(conversationId, appended.Sequence)), DirectLineJsonContext.Default.DirectLineResourceResponse);
    }
}
