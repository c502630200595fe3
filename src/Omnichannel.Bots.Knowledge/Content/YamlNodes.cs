using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Omnichannel.Bots.Knowledge;

/// <summary>What a knowledge file's readers ask of a YamlDotNet node: its line, its text, how to name its kind.</summary>
internal static class YamlNodes
{
    /// <summary>The 1-based file line the node starts on.</summary>
    public static int Line(this YamlNode node) => (int)Math.Max(1, node.Start.Line);

    /// <summary>True for a plain <c>~</c>, <c>null</c> or nothing.</summary>
    public static bool IsNothing(this YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>The scalar's text; null for <see cref="IsNothing"/>.</summary>
    public static string? Text(this YamlScalarNode scalar) => scalar.IsNothing() ? null : scalar.Value;

    /// <summary>True for a <c>|</c> or <c>&gt;</c> block scalar (its text starts on the next line).</summary>
    public static bool IsBlock(this YamlScalarNode scalar) => scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded;

    /// <summary>The node's kind as a message names it.</summary>
    public static string Kind(this YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.IsNothing() ? "empty" : "text",
        YamlSequenceNode => "a list",
        _ => "a mapping (key: value lines)",
    };
}
