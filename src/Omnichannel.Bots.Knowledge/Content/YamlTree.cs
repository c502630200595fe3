using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Omnichannel.Bots.Knowledge;

/// <summary>A YAML node with the 1-based file line it starts on.</summary>
internal abstract record YNode(int Line)
{
    public abstract string Kind { get; }
}

/// <summary>A scalar; <see cref="Value"/> is null for <c>~</c>, <c>null</c> or nothing. <see cref="IsBlock"/> for <c>|</c> and <c>&gt;</c>.</summary>
internal sealed record YScalar(string? Value, int Line, bool IsBlock) : YNode(Line)
{
    public override string Kind => Value is null ? "empty" : "text";
}

internal sealed record YSequence(IReadOnlyList<YNode> Items, int Line) : YNode(Line)
{
    public override string Kind => "a list";
}

internal sealed record YMapping(IReadOnlyList<KeyValuePair<YNode, YNode>> Entries, int Line) : YNode(Line)
{
    public override string Kind => "a mapping (key: value lines)";
}

/// <summary>
/// Reads one YAML document into a small tree from YamlDotNet's parser events, keeping each node's line so a
/// diagnostic can point at it. Syntax errors carry YamlDotNet's position.
/// </summary>
internal static class YamlTree
{
    private const int MaxDepth = 64;

    /// <summary>Parses <paramref name="yaml"/>; line numbers are shifted by <paramref name="lineOffset"/> (the file line before the text) and clamped to <paramref name="lastLine"/>.</summary>
    /// <returns>The root node (null for an empty document), or null with an error reported to <paramref name="bag"/>.</returns>
    public static YNode? Parse(string yaml, int lineOffset, int lastLine, DiagnosticBag bag, out bool failed)
    {
        failed = false;
        var anchors = new Dictionary<string, YNode>(StringComparer.Ordinal);
        try
        {
            var parser = new Parser(new StringReader(yaml));
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = Read(parser, lineOffset, anchors, 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                var next = parser.Current!;
                bag.Error(Line(next.Start, lineOffset, lastLine), "only one YAML document is allowed here (remove the extra '---')");
                failed = true;
                return null;
            }

            return root is YScalar { Value: null } ? null : root;
        }
        catch (YamlException ex)
        {
            bag.Error(Line(ex.Start, lineOffset, lastLine), $"invalid YAML: {Lower(ex.Message)}");
        }
        catch (TreeException ex)
        {
            bag.Error(Math.Min(ex.Line, lastLine), ex.Message);
        }

        failed = true;
        return null;
    }

    private static YNode Read(IParser parser, int offset, Dictionary<string, YNode> anchors, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new TreeException(Line(parser.Current!.Start, offset, int.MaxValue), $"YAML nested deeper than {MaxDepth} levels");
        }

        YNode node;
        NodeEvent start;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            start = scalar;
            var isNull = scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
            node = new YScalar(isNull ? null : scalar.Value, Line(scalar.Start, offset, int.MaxValue), scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded);
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            start = sequenceStart;
            var items = new List<YNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(Read(parser, offset, anchors, depth + 1));
            }

            node = new YSequence(items, Line(sequenceStart.Start, offset, int.MaxValue));
        }
        else if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            start = mappingStart;
            var entries = new List<KeyValuePair<YNode, YNode>>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = Read(parser, offset, anchors, depth + 1);
                var value = Read(parser, offset, anchors, depth + 1);
                entries.Add(new KeyValuePair<YNode, YNode>(key, value));
            }

            node = new YMapping(entries, Line(mappingStart.Start, offset, int.MaxValue));
        }
        else if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var target)
                ? target
                : throw new TreeException(Line(alias.Start, offset, int.MaxValue), $"invalid YAML: unknown alias '*{alias.Value.Value}'");
        }
        else
        {
            var current = parser.Current!;
            throw new TreeException(Line(current.Start, offset, int.MaxValue), $"invalid YAML: unexpected {current.GetType().Name}");
        }

        if (!start.Anchor.IsEmpty)
        {
            anchors[start.Anchor.Value] = node;
        }

        return node;
    }

    private static int Line(Mark mark, int offset, int lastLine) => (int)Math.Clamp(mark.Line + offset, 1, Math.Max(1, lastLine));

    private static string Lower(string message) =>
        message.Length > 1 && char.IsUpper(message[0]) && !char.IsUpper(message[1]) ? char.ToLowerInvariant(message[0]) + message[1..] : message;

    private sealed class TreeException(int line, string message) : Exception(message)
    {
        public int Line { get; } = line;
    }
}
