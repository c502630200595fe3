using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots;

/// <summary>
/// The one answer to "can a message reach this customer here now?", for every sender: the outbox asks it before each
/// send (bot replies, agents' replies, the desk's and any proactive message), and the agent desk asks it to show
/// why a customer cannot be reached. It reads the stored facts on every call (one key lookup, no cache), so a mark
/// written by any process sharing the store is seen by the next send.
/// </summary>
public sealed class ReachabilityPolicy
{
    private readonly IReachabilityStore _store;
    private readonly ChannelRegistry _channels;
    private readonly TimeProvider _time;

    public ReachabilityPolicy(IReachabilityStore store, ChannelRegistry channels, TimeProvider time)
    {
        _store = store;
        _channels = channels;
        _time = time;
    }

    /// <summary>The reach of <paramref name="conversationId"/> (on <paramref name="channel"/>) now.</summary>
    public async Task<Reachability> CheckAsync(string conversationId, ChannelId channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var hasAdapter = _channels.TryGet(channel, out var adapter);
        var facts = await _store.GetAsync(conversationId, cancellationToken).ConfigureAwait(false);
        return Reachability.Of(hasAdapter ? adapter.Profile : ProfileOf(channel), hasAdapter, facts, _time.GetUtcNow());
    }

    /// <summary>The reach of a chat on <paramref name="channel"/> that has no conversation yet (nothing stored: the customer never wrote there).</summary>
    public Reachability CheckNew(ChannelId channel)
    {
        var hasAdapter = _channels.TryGet(channel, out var adapter);
        return Reachability.Of(hasAdapter ? adapter.Profile : ProfileOf(channel), hasAdapter, ConversationReach.None, _time.GetUtcNow());
    }

    /// <summary>
    /// Records that the provider cannot reach the conversation's chat (<paramref name="error"/> is an
    /// <see cref="ChannelSendException.Unreachable"/> failure); returns the problem later sends are refused with,
    /// until the customer writes on the conversation again.
    /// </summary>
    public async Task<ReachProblem> MarkUnreachableAsync(string conversationId, ChannelId channel, ChannelSendException error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(error);
        var mark = new UnreachableMark(error.Message, error.ProviderCode, _time.GetUtcNow());
        await _store.MarkUnreachableAsync(conversationId, mark, cancellationToken).ConfigureAwait(false);
        return ReachProblem.Unreachable(channel, mark);
    }

    /// <summary>
    /// Records that the provider refused because the customer opted out (<paramref name="error"/> is an
    /// <see cref="ChannelSendException.OptedOut"/> failure); returns the problem later sends are refused with, until
    /// the customer opts in again.
    /// </summary>
    public async Task<ReachProblem> MarkOptedOutAsync(string conversationId, ChannelId channel, ChannelSendException error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(error);
        await _store.MarkOptedOutAsync(conversationId, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var optedOut = await _store.GetAsync(conversationId, cancellationToken).ConfigureAwait(false);
        var profile = _channels.TryGet(channel, out var adapter) ? adapter.Profile : ProfileOf(channel);
        return ReachProblem.OptedOut(profile, optedOut.OptedOutAt ?? _time.GetUtcNow());
    }

    /// <summary>
    /// The problem for a provider's refusal because its window has closed (<paramref name="error"/> is a
    /// <see cref="ChannelSendException.WindowClosed"/> failure): the same words this policy gives when it sees the window
    /// closed itself (the agent window's for a human agent's free-form <paramref name="message"/>), followed by the provider's code. Nothing is recorded:
    /// the window is a fact of the customer's last message, and the next one opens it again.
    /// </summary>
    public async Task<ReachProblem> WindowClosedAsync(string conversationId, ChannelId channel, BotMessage message, ChannelSendException error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(error);
        var facts = await _store.GetAsync(conversationId, cancellationToken).ConfigureAwait(false);
        var profile = _channels.TryGet(channel, out var adapter) ? adapter.Profile : ProfileOf(channel);
        var problem = message.Sender is not null && message.Template is null
            ? ReachProblem.AgentWindowClosed(profile, facts.LastInboundAt)
            : ReachProblem.ReplyWindowClosed(profile, facts.LastInboundAt);
        return error.ProviderCode is { } code ? problem with { Message = $"{problem.Message} (The provider refused it: code {code}.)" } : problem;
    }

    /// <summary>A channel without an adapter: its registered or shipped profile, else a bare one (it only describes the conversation).</summary>
    private ChannelProfile ProfileOf(ChannelId channel) =>
        _channels.TryGetProfile(channel, out var profile)
            ? profile
            : ChannelProfiles.All.FirstOrDefault(p => p.Channel == channel) ?? new ChannelProfile(channel, new ChannelCapabilities { MaxTextLength = 1600 });
}
