namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>The routing rules in force: the last good version of the rules file (or the built-in defaults without one).</summary>
public interface IRoutingRulesProvider
{
    RoutingRules Current { get; }
}
