namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>
/// The outcome of reading a rules file: <see cref="Rules"/> when it is valid (and then <see cref="Diagnostics"/> is
/// empty), else null with every problem found.
/// </summary>
public sealed record RoutingRulesLoadResult(RoutingRules? Rules, IReadOnlyList<RoutingDiagnostic> Diagnostics)
{
    public bool Succeeded => Rules is not null;
}
