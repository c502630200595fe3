using Microsoft.Extensions.Logging;
using Omnichannel.Bots.Customers;
using Omnichannel.Bots.Identity;
using Omnichannel.Bots.Inbound;
using Omnichannel.Bots.Rendering;
using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots;

/// <summary>
/// <see cref="IProactiveMessenger"/> on the core's parts: the <see cref="ReachabilityPolicy"/> decides, the
/// <see cref="ReplyRenderer"/> renders text for the channel's profile, the <see cref="IProactiveStore"/> writes the
/// transcript and outbox rows together, and the outbox is told there is work.
/// </summary>
internal sealed partial class ProactiveMessenger : IProactiveMessenger
{
    private readonly IProactiveStore _store;
    private readonly ReachabilityPolicy _reachability;
    private readonly ReplyRenderer _renderer;
    private readonly IOutboxSignal _outbox;
    private readonly TimeProvider _time;
    private readonly ILogger<ProactiveMessenger> _logger;

    public ProactiveMessenger(
        IProactiveStore store,
        ReachabilityPolicy reachability,
        ReplyRenderer renderer,
        IOutboxSignal outbox,
        TimeProvider time,
        ILogger<ProactiveMessenger> logger)
    {
        _store = store;
        _reachability = reachability;
        _renderer = renderer;
        _outbox = outbox;
        _time = time;
        _logger = logger;
    }

    public async Task<ProactiveResult> SendAsync(string conversationId, ProactiveMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentNullException.ThrowIfNull(message);
        var conversation = await _store.GetConversationAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (conversation is null)
        {
            return ProactiveResult.NoConversation(conversationId);
        }

        var reach = await _reachability.CheckAsync(conversation.Id, conversation.Channel, cancellationToken).ConfigureAwait(false);
        return await SendAsync(conversation.Channel, conversation.Address, conversation, [], conversation.Locale, message, reach, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ProactiveResult> SendAsync(ProactiveRecipient recipient, ProactiveMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(message);
        if (recipient.PhoneNumber is { } phone && !InboundMessageValidator.IsE164(phone))
        {
            throw new ArgumentException($"The recipient's phone number '{phone}' is not in E.164 form (+ and 7 to 15 digits).", nameof(recipient));
        }

        var address = recipient.Address;
        var existing = await _store.FindConversationAsync(recipient.Channel, address, cancellationToken).ConfigureAwait(false);
        var reach = existing is null
            ? _reachability.CheckNew(recipient.Channel)
            : await _reachability.CheckAsync(existing.Id, recipient.Channel, cancellationToken).ConfigureAwait(false);
        // The caller vouches for the phone and email from the customer's account, as a site signs a web chat identity.
        var keys = IdentityKeys.For(recipient.Channel, new Participant(recipient.ChatId)
        {
            PhoneNumber = recipient.PhoneNumber,
            PhoneNumberProvenance = IdentityProvenance.SignedIdentity,
            Email = recipient.Email,
            EmailProvenance = IdentityProvenance.SignedIdentity,
        });
        return await SendAsync(recipient.Channel, address, existing, keys, recipient.Locale, message, reach, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ProactiveResult> SendAsync(
        ChannelId channel,
        ConversationAddress address,
        ConversationRecord? conversation,
        IReadOnlyList<IdentityClaim> identityKeys,
        string? locale,
        ProactiveMessage message,
        Reachability reach,
        CancellationToken cancellationToken)
    {
        var draft = new BotMessage
        {
            Id = "proactive-" + Guid.NewGuid().ToString("N"),
            Channel = channel,
            Conversation = address,
            Sender = message.Sender,
            Text = message.Text,
            Template = message.Template,
            Locale = locale ?? conversation?.Locale,
            Timestamp = _time.GetUtcNow(),
        };
        if (reach.ProblemFor(draft) is { } problem)
        {
            LogRefused(_logger, channel.Value, problem.Kind);
            return ProactiveResult.Refused(problem, conversation);
        }

        // A template goes as one message: its text is what the transcript shows, not what the channel renders.
        IReadOnlyList<BotMessage> parts = draft.Template is null ? _renderer.Render(draft, reach.Profile.Capabilities).Messages : [draft];
        var result = await _store.QueueAsync(channel, address, identityKeys, locale, parts, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        LogQueued(_logger, channel.Value, result.ConversationId, result.Queued.Count);
        _outbox.Notify();
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A proactive message on {Channel} was refused: {Problem}.")]
    private static partial void LogRefused(ILogger logger, string channel, ReachProblemKind problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "A proactive message on {Channel} was queued to conversation {ConversationId} ({Parts} parts).")]
    private static partial void LogQueued(ILogger logger, string channel, string? conversationId, int parts);
}
