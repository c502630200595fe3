namespace Omnichannel.Bots.Handoff;

/// <summary>
/// The routing facts of a customer's current journey (their messages on every channel back to the first gap of more
/// than <see cref="Journey.Gap"/>), kept up to date by the writes that change them instead of being recomputed from
/// the transcript on every turn: the turn commit folds in each message (<see cref="AfterInbound"/>,
/// <see cref="AfterOutbound"/>) and the desk folds in the messages it queues, each in its own transaction. The router
/// reads them with one indexed read (<see cref="IJourneyStore"/>).
/// </summary>
/// <remarks>
/// This is the start of the journey model: a fold of the journey's events, keyed by customer. The identity work that
/// follows a customer across channels adds the events themselves (an append-only log per customer, written by the
/// same turn-commit participant) and keeps this record as their fold, so a new fact is a new property here plus its
/// step in the fold, never a transcript scan.
/// </remarks>
public sealed record JourneyFacts
{
    /// <summary>How many sentiment scores <see cref="RecentSentiments"/> keeps (the rules' "recent sentiment").</summary>
    public const int RecentSentimentCount = 3;

    /// <summary>How many distinct amounts <see cref="Amounts"/> keeps (first mentioned first).</summary>
    public const int MaxAmounts = 20;

    public static JourneyFacts Empty { get; } = new();

    /// <summary>When the journey's last message (either way) was written; null before the first.</summary>
    public DateTimeOffset? LastMessageAt { get; init; }

    /// <summary>The knowledge base's declines in a row, latest last (a message it was not asked about does not break the run).</summary>
    public int DeclineStreak { get; init; }

    /// <summary>The sentiment scores of the customer's last scored messages, oldest first (at most <see cref="RecentSentimentCount"/>).</summary>
    public IReadOnlyList<double> RecentSentiments { get; init; } = [];

    /// <summary>The last intent the bot recognized in this journey.</summary>
    public string? LastIntent { get; init; }

    /// <summary>The amounts the customer mentioned, first mention first, each once.</summary>
    public IReadOnlyList<decimal> Amounts { get; init; } = [];

    /// <summary>The clarifying question the journey's last bot message asked (the router asks it once); null otherwise.</summary>
    public string? PendingClarify { get; init; }

    /// <summary>The conversation whose last bot message asks the customer for a rating (a typed digit there is a rating).</summary>
    public string? RatingConversationId { get; init; }

    /// <summary>The customer's latest ticket, open or closed (read with the facts, from the tickets: never stale); null when none.</summary>
    public HandoffTicket? LatestTicket { get; init; }

    /// <summary>The facts after a customer's message written at <paramref name="at"/> with what the turn learned about it.</summary>
    public JourneyFacts AfterInbound(DateTimeOffset at, TurnInsights insights, IEnumerable<decimal> amounts)
    {
        ArgumentNullException.ThrowIfNull(insights);
        ArgumentNullException.ThrowIfNull(amounts);
        var facts = Continued(at);
        var streak = insights.Knowledge is { } attempt ? (attempt.Answered ? 0 : facts.DeclineStreak + 1) : facts.DeclineStreak;
        IReadOnlyList<double> sentiments = insights.Sentiment is { } score ? [.. facts.RecentSentiments.Append(score).TakeLast(RecentSentimentCount)] : facts.RecentSentiments;
        var known = facts.Amounts.ToList();
        foreach (var amount in amounts)
        {
            if (known.Count < MaxAmounts && !known.Contains(amount))
            {
                known.Add(amount);
            }
        }

        return facts with
        {
            LastMessageAt = at,
            DeclineStreak = streak,
            RecentSentiments = sentiments,
            LastIntent = insights.Intent?.Name ?? facts.LastIntent,
            Amounts = known,
        };
    }

    /// <summary>
    /// The facts after bot or agent messages written at <paramref name="at"/> to <paramref name="conversationId"/>, the
    /// last of which asks <paramref name="clarify"/> (a clarifying question) or for a rating (<paramref name="asksRating"/>).
    /// </summary>
    public JourneyFacts AfterOutbound(DateTimeOffset at, string conversationId, string? clarify, bool asksRating)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var facts = Continued(at);
        return facts with
        {
            LastMessageAt = at,
            PendingClarify = clarify,
            RatingConversationId = asksRating ? conversationId : facts.RatingConversationId == conversationId ? null : facts.RatingConversationId,
        };
    }

    /// <summary>These facts, or none when a message at <paramref name="at"/> starts a new journey (after a gap of more than <see cref="Journey.Gap"/>).</summary>
    private JourneyFacts Continued(DateTimeOffset at) =>
        LastMessageAt is { } last && at - last > Journey.Gap ? Empty with { LatestTicket = LatestTicket } : this;
}
