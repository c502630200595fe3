using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>What the rules readers ask of a YamlDotNet node: its line, its text, how to name its kind.</summary>
internal static class RuleNodes
{
    /// <summary>The 1-based line the node starts on.</summary>
    public static int Line(this YamlNode node) => (int)Math.Max(1, node.Start.Line);

    /// <summary>True for a plain <c>~</c>, <c>null</c> or nothing.</summary>
    public static bool IsNothing(this YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>A scalar's text; null for anything else and for <see cref="IsNothing"/>.</summary>
    public static string? Text(this YamlNode node) => node is YamlScalarNode scalar && !node.IsNothing() ? scalar.Value : null;

    /// <summary>The node's kind as a message names it.</summary>
    public static string Kind(this YamlNode node) => node switch
    {
        YamlScalarNode => node.Text() is { } text ? $"the text '{RuleText.Clip(text)}'" : "nothing",
        YamlSequenceNode => "a list",
        _ => "a mapping (key: value)",
    };
}
