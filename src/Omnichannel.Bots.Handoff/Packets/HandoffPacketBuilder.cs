using Omnichannel.Bots.Customers;
using Omnichannel.Bots.Handoff.Routing;
using Omnichannel.Bots.Handoff.Signals;

namespace Omnichannel.Bots.Handoff;

/// <summary>
/// Builds a ticket's context packet from what is stored: the customer and linked identities, every conversation of
/// theirs with its reply window and opt-out state (from the core <see cref="ReachabilityPolicy"/>), the routing that
/// escalated, and the journey's stored turn insights (intent, entities, sentiment, knowledge answers, dialog position)
/// and transcript up to the handoff. The packet is built when it is needed (the agent opens the ticket, the webhook sends it), always from the same data, so
/// it never goes stale or missing after a crash.
/// </summary>
public sealed class HandoffPacketBuilder
{
    private readonly ITranscriptStore _transcripts;
    private readonly IHandoffCustomerStore _store;
    private readonly ReachabilityPolicy _reachability;
    private readonly ICustomerTierProvider _tiers;
    private readonly IHandoffSummarizer _summarizer;
    private readonly ICustomerDirectory _directory;

    public HandoffPacketBuilder(
        ITranscriptStore transcripts,
        IHandoffCustomerStore store,
        ReachabilityPolicy reachability,
        ICustomerTierProvider tiers,
        IHandoffSummarizer summarizer,
        ICustomerDirectory directory)
    {
        _directory = directory;
        _transcripts = transcripts;
        _store = store;
        _reachability = reachability;
        _tiers = tiers;
        _summarizer = summarizer;
    }

    /// <summary>The customer's transcript, conversations and profile, for the overloads that take a <see cref="CustomerHistory"/>.</summary>
    public async Task<CustomerHistory> LoadHistoryAsync(string customerId, CancellationToken cancellationToken)
    {
        var transcript = await _transcripts.GetByCustomerAsync(customerId, cancellationToken).ConfigureAwait(false);
        var conversations = await _store.GetCustomerConversationsAsync(customerId, cancellationToken).ConfigureAwait(false);
        var profile = await _directory.GetAsync(customerId, cancellationToken).ConfigureAwait(false);
        return new CustomerHistory(transcript, conversations) { Profile = profile };
    }

    /// <summary>The packet as at the handoff (its transcript ends with the turn that escalated).</summary>
    public async Task<HandoffPacket> BuildAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return await BuildAsync(ticket, await LoadHistoryAsync(ticket.CustomerId, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The packet as at the handoff, from a history already read.</summary>
    public async Task<HandoffPacket> BuildAsync(HandoffTicket ticket, CustomerHistory history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(history);
        var (transcript, conversations) = history;
        var journey = Journey.From(transcript, ticket.QueuedAt);
        var customer = await CustomerAsync(ticket, journey, history.Profile, cancellationToken).ConfigureAwait(false);
        var channels = new List<PacketChannel>(conversations.Count);
        foreach (var conversation in conversations)
        {
            var reach = await ReachOfAsync(conversation.Conversation, cancellationToken).ConfigureAwait(false);
            channels.Add(Channel(conversation, reach, current: channels.Count == 0));
        }

        var packet = new HandoffPacket
        {
            HandoffId = ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CreatedAt = ticket.QueuedAt,
            Customer = customer,
            Channels = channels,
            Routing = new PacketRouting
            {
                Reason = ticket.Reason,
                Rule = ticket.Rule,
                RuleSource = ticket.RuleSource,
                Queue = ticket.Queue,
                Priority = ticket.Priority,
            },
            Intent = journey.LastIntent(),
            Entities = journey.Entities(),
            Sentiment = Sentiment(journey),
            BotAnswers = [.. BotAnswers(journey)],
            Dialog = journey.LastDialog(),
            Summary = "",
            Transcript = [.. journey.Entries.Select(PacketTranscript.ToMessage)],
        };
        return packet with { Summary = await SummarizeAsync(packet, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>Where a reply to the customer goes now (the conversation they wrote on last) and whether it can (the core reachability policy).</summary>
    public async Task<(ConversationRecord Conversation, Reachability Reach)?> CurrentReachAsync(string customerId, CancellationToken cancellationToken) =>
        await CurrentReachAsync(await LoadHistoryAsync(customerId, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>Where a reply goes now, from a history already read; null when the customer has no conversation.</summary>
    public async Task<(ConversationRecord Conversation, Reachability Reach)?> CurrentReachAsync(CustomerHistory history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Conversations.Count == 0)
        {
            return null;
        }

        var current = history.Conversations[0].Conversation;
        return (current, await ReachOfAsync(current, cancellationToken).ConfigureAwait(false));
    }

    private Task<Reachability> ReachOfAsync(ConversationRecord conversation, CancellationToken cancellationToken) =>
        _reachability.CheckAsync(conversation.Id, conversation.Channel, cancellationToken);

    private async Task<PacketCustomer> CustomerAsync(HandoffTicket ticket, Journey journey, CustomerProfile? profile, CancellationToken cancellationToken)
    {
        var record = await _store.GetCustomerAsync(ticket.CustomerId, cancellationToken).ConfigureAwait(false)
            ?? new CustomerRecord(ticket.CustomerId, [], ticket.QueuedAt);
        var name = profile?.Name ?? journey.CustomerName();
        return new PacketCustomer
        {
            Id = ticket.CustomerId,
            Name = name,
            DisplayName = AgentFacingCustomer.DisplayName(profile, name, (journey.Entries.Count > 0 ? journey.Entries[^1].Channel : ticket.Channel)),
            Tier = await _tiers.GetTierAsync(record, cancellationToken).ConfigureAwait(false),
            Identities = record.IdentityKeys,
            VerifiedIdentities = AgentFacingCustomer.VerifiedIdentities(profile),
            ChannelsUsed = AgentFacingCustomer.ChannelsUsed(profile),
        };
    }

    private static PacketChannel Channel(CustomerConversation conversation, Reachability reach, bool current) => new()
    {
        Channel = conversation.Conversation.Channel.Value,
        ConversationId = conversation.Conversation.Id,
        LastCustomerMessageAt = conversation.LastInboundAt,
        // What an agent can do: their window where the channel gives them a longer one (Messenger's 7 days).
        ReplyWindowOpen = reach.AgentWindowOpen,
        ReplyWindowClosesAt = reach.AgentWindowClosesAt,
        OptedOut = reach.OptedOut,
        Current = current,
    };

    private static PacketSentiment Sentiment(Journey journey)
    {
        var points = journey.SentimentPoints();
        return new PacketSentiment { Last = points.Count == 0 ? null : points[^1].Score, Trend = SentimentTrend.Of(points), Points = points };
    }

    private static IEnumerable<PacketAnswer> BotAnswers(Journey journey)
    {
        foreach (var entry in journey.Inbound)
        {
            if (entry.Insights?.Knowledge is { } attempt)
            {
                yield return new PacketAnswer
                {
                    At = entry.At,
                    Question = entry.Message.Text ?? "",
                    Answered = attempt.Answered,
                    Confidence = attempt.Confidence,
                    Sources = attempt.Sources,
                };
            }
        }
    }

    private async Task<string> SummarizeAsync(HandoffPacket packet, CancellationToken cancellationToken)
    {
        try
        {
            return await _summarizer.SummarizeAsync(packet, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A replacement summarizer (an LLM) that fails must not cost the agent the packet.
            return packet.Routing.Reason;
        }
    }
}
