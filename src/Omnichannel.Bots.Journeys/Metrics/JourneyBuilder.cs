namespace Omnichannel.Bots.Journeys;

/// <summary>
/// Cuts a customer's event log into journeys. A <b>journey</b> is a customer's activity on every channel from a
/// message that starts it until it is <b>resolved</b> (by the bot, <see cref="JourneyTurnExtensions.ResolveJourney"/>,
/// or by an agent closing the ticket as resolved: a return to the bot is not a resolution) or until the customer is
/// quiet for longer than <see cref="JourneysOptions.IdleTimeout"/> (then it ended unresolved). The customer's next
/// message starts the next journey. The desk's events belong to the journey their ticket was first seen in, whatever the
/// time between (a ticket waiting over a weekend keeps its journey), and so do a rating of the ticket and the message
/// that carried it. A channel switch on a journey's first message is no transition (nothing of this journey to carry).
/// </summary>
public static class JourneyBuilder
{
    /// <summary>The journeys of one customer's events (in log order).</summary>
    public static IReadOnlyList<JourneySummary> Build(IReadOnlyList<JourneyEvent> events, JourneysOptions options)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(options);
        var drafts = new List<JourneyDraft>();
        var byTicket = new Dictionary<long, JourneyDraft>();
        JourneyDraft? current = null;
        foreach (var e in events)
        {
            if (e.TicketId is { } ticket)
            {
                if (!byTicket.TryGetValue(ticket, out var owner))
                {
                    owner = current ?? drafts.LastOrDefault() ?? Start(drafts, e);
                    byTicket[ticket] = owner;
                }

                owner.Add(e);
                continue;
            }

            // Only the customer's message starts a journey: the rest of a turn's events (the bot's replies after it resolved) stay in it.
            if (current is not null && e.Kind == JourneyEventKind.MessageIn && (current.ResolvedAt is not null || e.At - current.LastActivityAt > options.IdleTimeout))
            {
                current = null;
            }

            current ??= Start(drafts, e);
            current.Add(e);
        }

        var summaries = new List<JourneySummary>(drafts.Count);
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            var next = i + 1 < drafts.Count ? drafts[i + 1].StartedAt : (DateTimeOffset?)null;
            var firstContact = draft.ResolvedAt is { } resolved && (next is null || next - resolved > options.RepeatContactWindow);
            summaries.Add(draft.Summarize(options.Costs, firstContact));
        }

        return summaries;
    }

    private static JourneyDraft Start(List<JourneyDraft> drafts, JourneyEvent e)
    {
        var draft = new JourneyDraft(e.CustomerId, e.At);
        drafts.Add(draft);
        return draft;
    }
}
