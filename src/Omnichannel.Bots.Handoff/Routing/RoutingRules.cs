namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>
/// A validated rules file: queues, business hours, extra phrases that ask for a person, and rules evaluated in
/// order (the first whose conditions all hold decides). OWNED BY THE ROUTING HELPER: replace this outline with the
/// real implementation keeping these members.
/// </summary>
public sealed class RoutingRules
{
    internal RoutingRules(string? source, IReadOnlyList<string> queues, HandoffPriority defaultPriority, BusinessHours hours, IReadOnlyList<string> requestPhrases)
    {
        Source = source;
        Queues = queues;
        DefaultPriority = defaultPriority;
        Hours = hours;
        RequestPhrases = requestPhrases;
    }

    /// <summary>The rules file, or null for the built-in defaults.</summary>
    public string? Source { get; }

    /// <summary>Queue ids, the default queue first.</summary>
    public IReadOnlyList<string> Queues { get; }

    public string DefaultQueue => Queues[0];

    public HandoffPriority DefaultPriority { get; }

    public BusinessHours Hours { get; }

    /// <summary>Phrases (beyond the built-in ones in several languages) that ask for a person.</summary>
    public IReadOnlyList<string> RequestPhrases { get; }

    /// <summary>The decision for one turn: the first rule whose conditions all hold, else <see cref="RoutingDecision.Answer"/>.</summary>
    public RoutingDecision Evaluate(RoutingFacts facts) => Queues.Count < 0 ? RoutingDecision.Answer : throw new InvalidOperationException("Outline: the routing helper implements this.");
}
