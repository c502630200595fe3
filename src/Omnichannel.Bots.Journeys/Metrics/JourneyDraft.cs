namespace Omnichannel.Bots.Journeys;

/// <summary>One journey being folded from its events (see <see cref="JourneyBuilder"/>).</summary>
internal sealed class JourneyDraft
{
    private readonly List<string> _channels = [];
    private readonly HashSet<string> _given = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<long, DateTimeOffset> _claims = [];
    private readonly List<string> _reasked = [];
    private HashSet<string>? _givenBeforeTransition;
    private string? _lastInbound;
    private string? _inboundBefore;
    private bool _transitionReasked;

    public JourneyDraft(string customerId, DateTimeOffset startedAt)
    {
        CustomerId = customerId;
        StartedAt = startedAt;
        LastActivityAt = startedAt;
    }

    public string CustomerId { get; }

    public DateTimeOffset StartedAt { get; }

    public DateTimeOffset LastActivityAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public JourneyResolver? ResolvedBy { get; private set; }

    private int Transitions { get; set; }

    private int PreservedTransitions { get; set; }

    private int? Rating { get; set; }

    private double AgentMinutes { get; set; }

    public void Add(JourneyEvent e)
    {
        if (e.At > LastActivityAt)
        {
            LastActivityAt = e.At;
        }

        switch (e.Kind)
        {
            case JourneyEventKind.MessageIn:
                if (e.Channel is { } channel && !_channels.Contains(channel))
                {
                    _channels.Add(channel);
                }

                _inboundBefore = _lastInbound;
                _lastInbound = e.Channel;

                Count(e.Channel, 1);
                break;
            case JourneyEventKind.BotMessages:
            case JourneyEventKind.AgentMessage:
                Count(e.Channel, e.Count);
                break;
            case JourneyEventKind.ChannelSwitch when _inboundBefore is null:
                // The journey's first message came on another channel than the previous journey's last: nothing to carry over.
                break;
            case JourneyEventKind.ChannelSwitch:
            case JourneyEventKind.Handoff:
                EndTransition();
                Transitions++;
                _givenBeforeTransition = [.. _given];
                _transitionReasked = false;
                break;
            case JourneyEventKind.SlotGiven when e.Slot is not null:
                _given.Add(e.Slot);
                break;
            case JourneyEventKind.SlotAsked when e.Slot is not null:
                if (_givenBeforeTransition is { } before && before.Contains(e.Slot))
                {
                    _reasked.Add(e.Slot);
                    _transitionReasked = true;
                }

                break;
            case JourneyEventKind.Claimed when e.TicketId is { } ticket:
                _claims[ticket] = e.At;
                break;
            case JourneyEventKind.Requeued:
            case JourneyEventKind.ReturnedToBot:
            case JourneyEventKind.Resolved:
                Release(e);
                if (e.Kind == JourneyEventKind.Resolved && ResolvedAt is null)
                {
                    ResolvedAt = e.At;
                    ResolvedBy = e.AgentId is null ? JourneyResolver.Bot : JourneyResolver.Agent;
                }

                break;
            case JourneyEventKind.Rating when e.Score is { } score:
                Rating = score;
                break;
        }
    }

    public JourneySummary Summarize(JourneyCosts costs, bool resolvedAtFirstContact)
    {
        EndTransition();
        _givenBeforeTransition = null;
        var cost = _messages.Sum(m => m.Value * costs.Messages.GetValueOrDefault(m.Key)) + (decimal)AgentMinutes * costs.AgentMinute;
        return new JourneySummary
        {
            CustomerId = CustomerId,
            StartedAt = StartedAt,
            LastActivityAt = LastActivityAt,
            ResolvedAt = ResolvedAt,
            ResolvedBy = ResolvedBy,
            Channels = [.. _channels],
            Transitions = Transitions,
            PreservedTransitions = PreservedTransitions,
            ReaskedSlots = [.. _reasked],
            Rating = Rating,
            Messages = new Dictionary<string, int>(_messages, StringComparer.Ordinal),
            AgentMinutes = AgentMinutes,
            Cost = cost,
            ResolvedAtFirstContact = resolvedAtFirstContact,
        };
    }

    /// <summary>Scores the open transition: preserved unless a value given before it was asked for again.</summary>
    private void EndTransition()
    {
        if (_givenBeforeTransition is not null && !_transitionReasked)
        {
            PreservedTransitions++;
        }

        _givenBeforeTransition = null;
    }

    private void Count(string? channel, int messages)
    {
        if (channel is not null)
        {
            _messages[channel] = _messages.GetValueOrDefault(channel) + messages;
        }
    }

    private void Release(JourneyEvent e)
    {
        if (e.TicketId is { } ticket && _claims.Remove(ticket, out var claimedAt))
        {
            AgentMinutes += (e.At - claimedAt).TotalMinutes;
        }
    }
}
