namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>One trimmed text of a rules file with the line it is on.</summary>
internal readonly record struct RuleValue(string Value, int Line);
