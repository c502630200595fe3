using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>
/// Passes YamlDotNet's parser events on to its representation model (<c>YamlStream.Load</c>) and stops, with a
/// message an editor understands and the line of the offending node, at what the model would reject less clearly or
/// accept: a second document, a key that is not plain text, a repeated key, an alias to an anchor not (yet) complete, nesting deeper than
/// <paramref name="maxDepth"/> levels.
/// </summary>
/// <param name="inner">YamlDotNet's parser.</param>
/// <param name="maxDepth">How many collections may be nested.</param>
internal sealed class CheckedRuleParser(IParser inner, int maxDepth) : IParser
{
    private readonly List<Frame> _frames = [];
    private readonly HashSet<string> _anchors = new(StringComparer.Ordinal);
    private int _documents;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        Check(inner.Current!);
        return true;
    }

    private void Check(ParsingEvent current)
    {
        switch (current)
        {
            case DocumentStart when ++_documents > 1:
                throw new RuleYamlException(current.Start, "only one YAML document is allowed (remove the extra '---')");
            case AnchorAlias alias:
                if (AtKey)
                {
                    throw new RuleYamlException(alias.Start, $"a key must be a plain word, not the alias '*{alias.Value.Value}'");
                }

                if (!_anchors.Contains(alias.Value.Value))
                {
                    throw new RuleYamlException(alias.Start, $"invalid YAML: unknown alias '*{alias.Value.Value}'");
                }

                Completed();
                break;
            case Scalar scalar:
                CheckKey(scalar);
                Remember(scalar.Anchor);
                Completed();
                break;
            case NodeEvent start when start is SequenceStart or MappingStart:
                if (AtKey)
                {
                    throw new RuleYamlException(start.Start, $"a key must be a plain word, not {(start is SequenceStart ? "a list" : "a mapping (key: value)")}");
                }

                if (_frames.Count >= maxDepth)
                {
                    throw new RuleYamlException(start.Start, $"YAML nested deeper than {maxDepth} levels");
                }

                _frames.Add(new Frame(start is MappingStart, start.Anchor));
                break;
            case SequenceEnd or MappingEnd:
                Remember(_frames[^1].Anchor);
                _frames.RemoveAt(_frames.Count - 1);
                Completed();
                break;
        }
    }

    private void CheckKey(Scalar key)
    {
        if (!AtKey)
        {
            return;
        }

        var mapping = _frames[^1];
        if (key.Style == ScalarStyle.Plain && key.Value is "" or "~" or "null" or "Null" or "NULL")
        {
            throw new RuleYamlException(key.Start, "a key must be a plain word, not nothing");
        }

        var line = (int)key.Start.Line;
        if (!mapping.Keys.TryAdd(key.Value, line))
        {
            throw new RuleYamlException(key.Start, $"'{RuleText.Clip(key.Value)}' appears twice in the same mapping (first on line {mapping.Keys[key.Value]})");
        }
    }

    private bool AtKey => _frames.Count > 0 && _frames[^1] is { IsMapping: true, AtKey: true };

    private void Remember(AnchorName anchor)
    {
        if (!anchor.IsEmpty)
        {
            _anchors.Add(anchor.Value);
        }
    }

    /// <summary>A node ended: in a mapping, a key is followed by its value and a value by the next key.</summary>
    private void Completed()
    {
        if (_frames.Count > 0 && _frames[^1].IsMapping)
        {
            _frames[^1].AtKey = !_frames[^1].AtKey;
        }
    }

    private sealed class Frame(bool isMapping, AnchorName anchor)
    {
        public bool IsMapping { get; } = isMapping;

        public AnchorName Anchor { get; } = anchor;

        public bool AtKey { get; set; } = true;

        public Dictionary<string, int> Keys { get; } = new(StringComparer.Ordinal);
    }
}
