using System.Globalization;

using YamlDotNet.RepresentationModel;

namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>Reads typed values out of rule-file nodes, reporting a file:line error for anything of the wrong shape.</summary>
internal static class RuleReader
{
    /// <summary>The value of <paramref name="key"/> in <paramref name="map"/>, or null.</summary>
    public static YamlNode? Get(YamlMappingNode map, string key)
    {
        foreach (var entry in map.Children)
        {
            if (string.Equals(entry.Key.Text(), key, StringComparison.Ordinal))
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>Reports every key not in <paramref name="known"/>, with a suggestion; false when there was one.</summary>
    public static bool CheckKeys(YamlMappingNode map, IReadOnlyCollection<string> known, string where, RoutingDiagnosticBag bag)
    {
        var ok = true;
        foreach (var entry in map.Children)
        {
            var key = entry.Key.Text()!;
            if (!known.Contains(key))
            {
                var suggestion = RuleText.DidYouMean(key, known);
                bag.Error(entry.Key.Line(), suggestion is null
                    ? $"unknown key '{RuleText.Clip(key, 40)}' {where}; known keys: {string.Join(", ", known)}"
                    : $"unknown key '{RuleText.Clip(key, 40)}' {where} (did you mean '{suggestion}'?)");
                ok = false;
            }
        }

        return ok;
    }

    public static bool TryMapping(YamlNode node, string what, RoutingDiagnosticBag bag, out YamlMappingNode map)
    {
        if (node is YamlMappingNode mapping)
        {
            map = mapping;
            return true;
        }

        map = null!;
        if (node.IsNothing())
        {
            // 'key:' with nothing after it: an empty mapping (report at the node's line, not the map's).
            map = new YamlMappingNode();
            return true;
        }

        bag.Error(node.Line(), $"{what} must be a mapping (key: value lines or {{ key: value }}), not {node.Kind()}");
        return false;
    }

    public static bool TryText(YamlNode node, string key, RoutingDiagnosticBag bag, out string text)
    {
        if (node.Text() is { } value && value.Trim().Length > 0)
        {
            text = value.Trim();
            return true;
        }

        text = string.Empty;
        bag.Error(node.Line(), $"'{key}' must be a text, not {node.Kind()}");
        return false;
    }

    public static bool TryBool(YamlNode node, string key, RoutingDiagnosticBag bag, out bool value)
    {
        value = false;
        if (node.Text() is { } text && bool.TryParse(text.Trim(), out value))
        {
            return true;
        }

        bag.Error(node.Line(), $"'{key}' must be true or false, not {node.Kind()}");
        return false;
    }

    public static bool TryInt(YamlNode node, string key, int min, RoutingDiagnosticBag bag, out int value)
    {
        value = 0;
        if (node.Text() is { } text && int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
        {
            if (value >= min)
            {
                return true;
            }

            bag.Error(node.Line(), $"'{key}' must be at least {min.ToString(CultureInfo.InvariantCulture)}, not {value.ToString(CultureInfo.InvariantCulture)}");
            return false;
        }

        bag.Error(node.Line(), $"'{key}' must be a whole number, not {node.Kind()}");
        return false;
    }

    public static bool TryDecimal(YamlNode node, string key, decimal min, decimal max, RoutingDiagnosticBag bag, out decimal value)
    {
        value = 0;
        if (node.Text() is { } text && decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            if (value >= min && value <= max)
            {
                return true;
            }

            bag.Error(node.Line(), $"'{key}' must be between {Format(min)} and {Format(max)}, not {Format(value)}");
            return false;
        }

        bag.Error(node.Line(), $"'{key}' must be a number (like 200 or -0.5), not {node.Kind()}");
        return false;
    }

    /// <summary>A text or a list of texts (at least one), each trimmed, with its line.</summary>
    public static bool TryTextList(YamlNode node, string key, RoutingDiagnosticBag bag, out List<RuleValue> items)
    {
        items = [];
        IList<YamlNode> sequence = node is YamlSequenceNode s ? s.Children : [node];
        if (sequence.Count == 0)
        {
            bag.Error(node.Line(), $"'{key}' is an empty list: give at least one value");
            return false;
        }

        var ok = true;
        foreach (var item in sequence)
        {
            if (item.Text() is { } value && value.Trim().Length > 0)
            {
                items.Add(new RuleValue(value.Trim(), item.Line()));
            }
            else
            {
                bag.Error(item.Line(), $"'{key}' must be a text or a list of texts; found {item.Kind()}");
                ok = false;
            }
        }

        return ok;
    }

    public static string Format(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    public static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
