using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>
/// Loads a rules file with YamlDotNet's representation model; a node's line is <see cref="RuleNodes.Line"/>. Syntax
/// errors are reported at YamlDotNet's position; a key that is not plain text, a repeated key, an unknown alias or a
/// second document are errors too (<see cref="CheckedRuleParser"/>).
/// </summary>
internal static class RuleYaml
{
    private const int MaxDepth = 32;

    /// <param name="yaml">The file's text.</param>
    /// <param name="bag">Where an error goes.</param>
    /// <param name="failed">True when an error was reported.</param>
    /// <returns>The root node, or null (an empty document or an error reported to <paramref name="bag"/>).</returns>
    public static YamlNode? Parse(string yaml, RoutingDiagnosticBag bag, out bool failed)
    {
        failed = false;
        try
        {
            var stream = new YamlStream();
            stream.Load(new CheckedRuleParser(new Parser(new StringReader(yaml)), MaxDepth));
            var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            return root is null || root.IsNothing() ? null : root;
        }
        catch (RuleYamlException ex)
        {
            bag.Error(Line(ex.Start), ex.Message);
        }
        catch (YamlException ex)
        {
            bag.Error(TabLine(yaml, ex) ?? Line(ex.Start), $"invalid YAML: {Lower(ex.Message)}");
        }

        failed = true;
        return null;
    }

    /// <summary>For YamlDotNet's tab errors (reported where the scalar or mapping starts), the line of the tab itself.</summary>
    private static int? TabLine(string text, YamlException ex)
    {
        if (!ex.Message.Contains("tab", StringComparison.Ordinal))
        {
            return null;
        }

        var lines = text.Split('\n');
        for (var i = (int)Math.Max(0, ex.Start.Line - 1); i < lines.Length; i++)
        {
            var indent = lines[i][..(lines[i].Length - lines[i].TrimStart().Length)];
            if (indent.Contains('\t', StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return null;
    }

    private static int Line(Mark mark) => (int)Math.Max(1, mark.Line);

    private static string Lower(string message) =>
        message.Length > 1 && char.IsUpper(message[0]) && !char.IsUpper(message[1]) ? char.ToLowerInvariant(message[0]) + message[1..] : message;
}
