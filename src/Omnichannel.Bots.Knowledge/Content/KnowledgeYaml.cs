using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Loads one YAML document (front matter, a YAML FAQ) with YamlDotNet's representation model; a node's file line is
/// <see cref="YamlNodes.Line"/>. Syntax errors carry YamlDotNet's position.
/// </summary>
internal static class KnowledgeYaml
{
    private const int MaxDepth = 64;

    /// <summary>Loads <paramref name="yaml"/>; line numbers are shifted by <paramref name="lineOffset"/> (the file line before the text), and an error's line is clamped to <paramref name="lastLine"/>.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="lineOffset">The file line before the text.</param>
    /// <param name="lastLine">The last file line an error may point at.</param>
    /// <param name="bag">Where an error goes.</param>
    /// <param name="failed">True when an error was reported.</param>
    /// <returns>The root node (null for an empty document), or null with an error reported to <paramref name="bag"/>.</returns>
    public static YamlNode? Load(string yaml, int lineOffset, int lastLine, DiagnosticBag bag, out bool failed)
    {
        failed = false;
        var text = yaml;
        try
        {
            // Blank lines in front keep YamlDotNet's marks on the file's lines.
            text = new string('\n', lineOffset) + yaml;
            var stream = new YamlStream();
            stream.Load(new CheckedYamlParser(new Parser(new StringReader(text)), MaxDepth));
            var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            return root is null || root.IsNothing() ? null : root;
        }
        catch (YamlRuleException ex)
        {
            bag.Error(Line(ex.Start, lastLine), ex.Message);
        }
        catch (YamlException ex)
        {
            bag.Error(TabLine(text, ex) is { } tab ? Math.Clamp(tab, 1, Math.Max(1, lastLine)) : Line(ex.Start, lastLine), $"invalid YAML: {Lower(ex.Message)}");
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

    private static int Line(Mark mark, int lastLine) => (int)Math.Clamp(mark.Line, 1, Math.Max(1, lastLine));

    private static string Lower(string message) =>
        message.Length > 1 && char.IsUpper(message[0]) && !char.IsUpper(message[1]) ? char.ToLowerInvariant(message[0]) + message[1..] : message;
}
