using System.Globalization;

namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>
/// A validated rules file: queues, business hours, extra phrases that ask for a person, and rules evaluated in
/// order (the first whose conditions all hold decides). Immutable: a reload builds a new instance. Read one with
/// <see cref="RoutingRulesLoader"/>; <see cref="Default"/> serves when no file is configured.
/// </summary>
public sealed class RoutingRules
{
    /// <summary>What <see cref="RoutingDecision.RuleSource"/> says for the built-in rules.</summary>
    public const string BuiltInSource = "built-in";

    private readonly IReadOnlyList<RoutingRule> _rules;

    internal RoutingRules(string? source, IReadOnlyList<string> queues, HandoffPriority defaultPriority, BusinessHours hours, IReadOnlyList<string> requestPhrases, IReadOnlyList<RoutingRule> rules)
    {
        if (queues.Count == 0)
        {
            throw new ArgumentException("At least one queue (the default) is needed.", nameof(queues));
        }

        Source = source;
        Queues = queues;
        DefaultPriority = defaultPriority;
        Hours = hours;
        RequestPhrases = requestPhrases;
        _rules = rules;
        UsesDeskCapacity = rules.Any(r => r.Conditions.Any(c => c.Key is "agents_available" or "queued_over"));
    }

    /// <summary>True when a rule's condition reads the desk's capacity (<c>agents_available</c>, <c>queued_over</c>): only then does a turn measure it before deciding.</summary>
    public bool UsesDeskCapacity { get; }

    /// <summary>
    /// The built-in rules, used without a rules file: queue <c>general</c>, always open, and in this order:
    /// <c>asked-for-person</c> (asked_for_person: true → escalate), <c>dialog-requested</c> (dialog_requested: true →
    /// escalate), <c>low-confidence</c> (low_confidence_streak: 2 → escalate), <c>angry</c> (sentiment_below: -0.6 →
    /// escalate with priority high).
    /// </summary>
    public static RoutingRules Default { get; } = new(
        source: null,
        queues: ["general"],
        defaultPriority: HandoffPriority.Normal,
        hours: BusinessHours.Always,
        requestPhrases: [],
        rules:
        [
            new RoutingRule("asked-for-person", 0, [RoutingCondition.AskedForPerson(true)], RoutingAction.Escalate),
            new RoutingRule("dialog-requested", 0, [RoutingCondition.DialogRequested(true)], RoutingAction.Escalate),
            new RoutingRule("low-confidence", 0, [RoutingCondition.LowConfidenceStreak(2)], RoutingAction.Escalate),
            new RoutingRule("angry", 0, [RoutingCondition.SentimentBelow(-0.6m)], RoutingAction.Escalate) { Priority = HandoffPriority.High },
        ]);

    /// <summary>The rules file (its name as given to the loader), or null for the built-in defaults.</summary>
    public string? Source { get; }

    /// <summary>Queue ids, the default queue first.</summary>
    public IReadOnlyList<string> Queues { get; }

    public string DefaultQueue => Queues[0];

    public HandoffPriority DefaultPriority { get; }

    public BusinessHours Hours { get; }

    /// <summary>Phrases (beyond the built-in ones in several languages) that ask for a person.</summary>
    public IReadOnlyList<string> RequestPhrases { get; }

    /// <summary>The rules' names in evaluation order.</summary>
    public IReadOnlyList<string> RuleNames => [.. _rules.Select(r => r.Name)];

    /// <summary>The decision for one turn: the first rule whose conditions all hold, else <see cref="RoutingDecision.Answer"/>.</summary>
    public RoutingDecision Evaluate(RoutingFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var rule in _rules)
        {
            if (facts.Phase == RoutingPhase.BeforeDialog && rule.AfterDialogOnly)
            {
                continue;
            }

            var because = new List<string>(rule.Conditions.Count);
            foreach (var condition in rule.Conditions)
            {
                if (condition.Explain(facts) is not { } words)
                {
                    because = null;
                    break;
                }

                because.Add(words);
            }

            if (because is null)
            {
                continue;
            }

            if (because.Count == 0)
            {
                because.Add("the rule has no conditions");
            }

            return new RoutingDecision
            {
                Action = rule.Action,
                Rule = rule.Name,
                RuleSource = Source is null ? BuiltInSource : string.Create(CultureInfo.InvariantCulture, $"{Source}:{rule.Line}"),
                Queue = rule.Action == RoutingAction.Escalate ? rule.Queue ?? DefaultQueue : null,
                Priority = rule.Action == RoutingAction.Escalate ? rule.Priority ?? DefaultPriority : DefaultPriority,
                ClarifyText = rule.ClarifyText,
                ClarifyChoices = rule.ClarifyChoices,
                Because = because,
            };
        }

        return RoutingDecision.Answer;
    }
}
