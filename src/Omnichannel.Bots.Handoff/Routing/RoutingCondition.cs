using System.Globalization;

namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>
/// One condition of a rule's <c>when</c>: <see cref="Explain"/> gives the condition in words with the actual value when
/// it holds for the facts, and null when it does not. <see cref="AfterDialogOnly"/> conditions never hold before the
/// dialog has run.
/// </summary>
internal sealed class RoutingCondition
{
    private readonly Func<RoutingFacts, string?> _explain;

    private RoutingCondition(string key, bool afterDialogOnly, Func<RoutingFacts, string?> explain)
    {
        Key = key;
        AfterDialogOnly = afterDialogOnly;
        _explain = explain;
    }

    public string Key { get; }

    public bool AfterDialogOnly { get; }

    public string? Explain(RoutingFacts facts) => AfterDialogOnly && facts.Phase != RoutingPhase.AfterDialog ? null : _explain(facts);

    public static RoutingCondition AskedForPerson(bool expected) => new("asked_for_person", false, f =>
        f.AskedForPerson == expected ? (expected ? "the customer asked for a person" : "the customer did not ask for a person") : null);

    public static RoutingCondition LowConfidenceStreak(int atLeast) => new("low_confidence_streak", false, f =>
        f.LowConfidenceStreak >= atLeast
            ? $"{N(f.LowConfidenceStreak)} low-confidence answers in a row (at least {N(atLeast)})"
            : null);

    public static RoutingCondition SentimentBelow(decimal threshold) => new("sentiment_below", false, f =>
        f.Sentiment is { } s && s < (double)threshold ? $"sentiment {RuleReader.Format(s)} is below {RuleReader.Format(threshold)}" : null);

    public static RoutingCondition RecentSentimentBelow(decimal threshold) => new("recent_sentiment_below", false, f =>
        f.RecentSentiment is { } s && s < (double)threshold
            ? $"recent sentiment {RuleReader.Format(s)} (last three messages) is below {RuleReader.Format(threshold)}"
            : null);

    public static RoutingCondition Tier(IReadOnlyList<string> tiers) => new("tier", false, f =>
        f.Tier is { } tier && tiers.Any(t => string.Equals(t, tier.Trim(), StringComparison.OrdinalIgnoreCase))
            ? $"tier is {tier.Trim()}"
            : null);

    public static RoutingCondition Intent(IReadOnlyList<string> patterns) => new("intent", true, f =>
    {
        if (f.Intent is not { Length: > 0 } intent)
        {
            return null;
        }

        var pattern = patterns.FirstOrDefault(p => RuleText.GlobMatches(p, intent));
        return pattern is null ? null : string.Equals(pattern, intent, StringComparison.OrdinalIgnoreCase) ? $"intent is {intent}" : $"intent {intent} matches {pattern}";
    });

    public static RoutingCondition AmountOver(decimal threshold) => new("amount_over", false, f =>
    {
        var over = f.Amounts.Where(a => a > threshold).ToList();
        return over.Count == 0 ? null : $"amount {RuleReader.Format(over.Max())} is over {RuleReader.Format(threshold)}";
    });

    public static RoutingCondition Channel(IReadOnlyList<string> channels) => new("channel", false, f =>
        channels.Contains(f.Channel.ToString(), StringComparer.Ordinal) ? $"channel is {f.Channel}" : null);

    public static RoutingCondition BusinessHours(bool open) => new("business_hours", false, f =>
        f.WithinBusinessHours == open ? (open ? "it is within business hours" : "it is outside business hours") : null);

    public static RoutingCondition AgentsAvailable(bool expected) => new("agents_available", false, f =>
        f.AgentsAvailable switch
        {
            null => null,
            > 0 when expected => $"{N(f.AgentsAvailable.Value)} agent(s) available",
            0 or < 0 when !expected => "no agent is available",
            _ => null,
        });

    public static RoutingCondition QueuedOver(int threshold) => new("queued_over", false, f =>
        f.QueuedConversations > threshold ? $"{N(f.QueuedConversations)} conversations queued (over {N(threshold)})" : null);

    public static RoutingCondition DialogRequested(bool expected) => new("dialog_requested", true, f =>
        f.DialogRequestedHandoff == expected
            ? expected
                ? f.DialogHandoffReason is { Length: > 0 } reason ? $"the dialog asked for a person ({reason})" : "the dialog asked for a person"
                : "the dialog did not ask for a person"
            : null);

    public static RoutingCondition Phase(RoutingPhase phase) => new("phase", false, f =>
        f.Phase == phase ? (phase == RoutingPhase.BeforeDialog ? "before the dialog" : "after the dialog") : null);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
