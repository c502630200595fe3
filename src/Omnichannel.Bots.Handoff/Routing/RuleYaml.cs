using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>A YAML node of a rules file with the 1-based line it starts on.</summary>
internal abstract record RuleNode(int Line)
{
    public abstract string Kind { get; }
}

/// <summary>A scalar; <see cref="Value"/> is null for <c>~</c>, <c>null</c> or nothing; <see cref="Quoted"/> when written in quotes.</summary>
internal sealed record RuleScalar(string? Value, int Line, bool Quoted) : RuleNode(Line)
{
    public override string Kind => Value is null ? "nothing" : $"the text '{RuleText.Clip(Value)}'";
}

internal sealed record RuleSequence(IReadOnlyList<RuleNode> Items, int Line) : RuleNode(Line)
{
    public override string Kind => "a list";
}

internal sealed record RuleMapping(IReadOnlyList<KeyValuePair<RuleScalar, RuleNode>> Entries, int Line) : RuleNode(Line)
{
    public override string Kind => "a mapping (key: value)";
}

/// <summary>
/// Reads a rules file into a small tree from YamlDotNet's parser events, keeping each node's line. Syntax errors are
/// reported at YamlDotNet's position; a key that is not plain text, a repeated key, an unknown alias or a second
/// document are errors too.
/// </summary>
internal static class RuleYaml
{
    private const int MaxDepth = 32;

    /// <returns>The root node, or null (an empty document or an error reported to <paramref name="bag"/>).</returns>
    public static RuleNode? Parse(string yaml, RoutingDiagnosticBag bag, out bool failed)
    {
        failed = false;
        var anchors = new Dictionary<string, RuleNode>(StringComparer.Ordinal);
        try
        {
            var parser = new Parser(new StringReader(yaml));
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = Read(parser, anchors, 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                bag.Error(Line(parser.Current!.Start), "only one YAML document is allowed (remove the extra '---')");
                failed = true;
                return null;
            }

            return root is RuleScalar { Value: null } ? null : root;
        }
        catch (YamlException ex)
        {
            bag.Error(Line(ex.Start), $"invalid YAML: {Lower(ex.Message)}");
        }
        catch (TreeException ex)
        {
            bag.Error(ex.Line, ex.Message);
        }

        failed = true;
        return null;
    }

    private static RuleNode Read(IParser parser, Dictionary<string, RuleNode> anchors, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new TreeException(Line(parser.Current!.Start), $"YAML nested deeper than {MaxDepth} levels");
        }

        RuleNode node;
        NodeEvent start;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            start = scalar;
            var isNull = scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
            node = new RuleScalar(isNull ? null : scalar.Value, Line(scalar.Start), scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted);
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            start = sequenceStart;
            var items = new List<RuleNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(Read(parser, anchors, depth + 1));
            }

            node = new RuleSequence(items, Line(sequenceStart.Start));
        }
        else if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            start = mappingStart;
            node = ReadMapping(parser, anchors, depth, mappingStart);
        }
        else if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var target)
                ? target
                : throw new TreeException(Line(alias.Start), $"invalid YAML: unknown alias '*{alias.Value.Value}'");
        }
        else
        {
            var current = parser.Current!;
            throw new TreeException(Line(current.Start), $"invalid YAML: unexpected {current.GetType().Name}");
        }

        if (!start.Anchor.IsEmpty)
        {
            anchors[start.Anchor.Value] = node;
        }

        return node;
    }

    private static RuleMapping ReadMapping(IParser parser, Dictionary<string, RuleNode> anchors, int depth, MappingStart mappingStart)
    {
        var entries = new List<KeyValuePair<RuleScalar, RuleNode>>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = Read(parser, anchors, depth + 1);
            if (key is not RuleScalar { Value: not null } keyScalar)
            {
                throw new TreeException(key.Line, $"a key must be a plain word, not {key.Kind}");
            }

            if (seen.TryGetValue(keyScalar.Value, out var firstLine))
            {
                throw new TreeException(key.Line, $"'{RuleText.Clip(keyScalar.Value)}' appears twice in the same mapping (first on line {firstLine})");
            }

            seen[keyScalar.Value] = key.Line;
            var value = Read(parser, anchors, depth + 1);
            entries.Add(new KeyValuePair<RuleScalar, RuleNode>(keyScalar, value));
        }

        return new RuleMapping(entries, Line(mappingStart.Start));
    }

    private static int Line(Mark mark) => (int)Math.Max(1, mark.Line);

    private static string Lower(string message) =>
        message.Length > 1 && char.IsUpper(message[0]) && !char.IsUpper(message[1]) ? char.ToLowerInvariant(message[0]) + message[1..] : message;

    private sealed class TreeException(int line, string message) : Exception(message)
    {
        public int Line { get; } = line;
    }
}
