using System.Globalization;

using YamlDotNet.RepresentationModel;

namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>Reads a rules file's text into <see cref="RoutingRules"/>, reporting every problem as file:line.</summary>
internal static class RoutingRulesParser
{
    public const int SupportedVersion = 1;

    private static readonly string[] TopKeys = ["version", "queues", "default_priority", "business_hours", "request_phrases", "rules"];
    private static readonly string[] RuleKeys = ["name", "when", "escalate", "clarify", "answer"];
    private static readonly string[] ActionKeys = ["escalate", "clarify", "answer"];
    private static readonly string[] EscalateKeys = ["queue", "priority"];
    private static readonly string[] ClarifyKeys = ["text", "choices"];
    private static readonly string[] ChoiceKeys = ["title", "value"];
    private static readonly string[] Priorities = ["low", "normal", "high", "urgent"];

    public static RoutingRules? Parse(string text, RoutingDiagnosticBag bag)
    {
        var root = RuleYaml.Parse(text, bag, out var failed);
        if (failed)
        {
            return null;
        }

        if (root is null)
        {
            bag.Error(1, $"the rules file is empty: start it with 'version: {SupportedVersion}', then 'queues:' and 'rules:'");
            return null;
        }

        if (root is not YamlMappingNode map)
        {
            bag.Error(root.Line(), $"the rules file must be a mapping (version:, queues:, rules: ...), not {root.Kind()}");
            return null;
        }

        var ok = RuleReader.CheckKeys(map, TopKeys, "at the top of the file", bag);
        ok &= ReadVersion(map, bag);
        var queues = ReadQueues(map, bag, ref ok);
        var defaultPriority = HandoffPriority.Normal;
        if (RuleReader.Get(map, "default_priority") is { } priorityNode)
        {
            ok &= TryPriority(priorityNode, "default_priority", bag, out defaultPriority);
        }

        var hours = BusinessHours.Always;
        if (RuleReader.Get(map, "business_hours") is { } hoursNode)
        {
            var parsed = BusinessHoursParser.Parse(hoursNode, map.Children.First(e => e.Key.Text() == "business_hours").Key.Line(), bag);
            ok &= parsed is not null;
            hours = parsed ?? hours;
        }

        List<string> phrases = [];
        if (RuleReader.Get(map, "request_phrases") is { } phrasesNode && !phrasesNode.IsNothing())
        {
            ok &= RuleReader.TryTextList(phrasesNode, "request_phrases", bag, out var items);
            phrases = [.. items.Select(i => i.Value!).Distinct(StringComparer.OrdinalIgnoreCase)];
        }

        var rules = ReadRules(map, queues, bag, ref ok);
        return ok ? new RoutingRules(bag.File, queues, defaultPriority, hours, phrases, rules) : null;
    }

    private static bool ReadVersion(YamlMappingNode map, RoutingDiagnosticBag bag)
    {
        if (RuleReader.Get(map, "version") is not { } node)
        {
            bag.Error(map.Line(), $"the file has no 'version': add 'version: {SupportedVersion}' at the top");
            return false;
        }

        if (node.Text() is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version == SupportedVersion)
        {
            return true;
        }

        bag.Error(node.Line(), node.Text() is { } given
            ? $"unsupported version '{RuleText.Clip(given, 20)}': this release reads 'version: {SupportedVersion}'"
            : $"'version' must be a number ('version: {SupportedVersion}'), not {node.Kind()}");
        return false;
    }

    private static List<string> ReadQueues(YamlMappingNode map, RoutingDiagnosticBag bag, ref bool ok)
    {
        if (RuleReader.Get(map, "queues") is not { } node)
        {
            return ["general"];
        }

        if (!RuleReader.TryTextList(node, "queues", bag, out var items))
        {
            ok = false;
            return ["general"];
        }

        var queues = new List<string>();
        foreach (var item in items)
        {
            var id = item.Value!;
            if (!IsQueueId(id))
            {
                bag.Error(item.Line, $"queue '{RuleText.Clip(id, 40)}' is not a queue id: use lower-case letters, digits, '-' or '_' (at most 64), like billing or vip");
                ok = false;
            }
            else if (queues.Contains(id, StringComparer.Ordinal))
            {
                bag.Error(item.Line, $"queue '{id}' is listed twice");
                ok = false;
            }
            else
            {
                queues.Add(id);
            }
        }

        return queues.Count > 0 ? queues : ["general"];
    }

    private static bool IsQueueId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');

    private static bool TryPriority(YamlNode node, string key, RoutingDiagnosticBag bag, out HandoffPriority priority)
    {
        priority = HandoffPriority.Normal;
        var text = node.Text()?.Trim();
        if (text is not null && Priorities.Contains(text.ToLowerInvariant()))
        {
            priority = Enum.Parse<HandoffPriority>(text, ignoreCase: true);
            return true;
        }

        bag.Error(node.Line(), text is null
            ? $"'{key}' must be one of low, normal, high, urgent, not {node.Kind()}"
            : $"unknown priority '{RuleText.Clip(text, 40)}'{RuleText.Suggest(text, Priorities)}; use low, normal, high or urgent");
        return false;
    }

    private static List<RoutingRule> ReadRules(YamlMappingNode map, List<string> queues, RoutingDiagnosticBag bag, ref bool ok)
    {
        var rules = new List<RoutingRule>();
        if (RuleReader.Get(map, "rules") is not { } node)
        {
            bag.Error(map.Line(), "the file has no 'rules': add 'rules:' with a list of rules ('rules: []' lets the bot answer every turn)");
            ok = false;
            return rules;
        }

        if (node is not YamlSequenceNode list)
        {
            bag.Error(node.Line(), $"'rules' must be a list ('- name: ...' lines), not {node.Kind()}");
            ok = false;
            return rules;
        }

        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in list.Children)
        {
            if (ReadRule(item, queues, names, bag) is { } rule)
            {
                rules.Add(rule);
            }
            else
            {
                ok = false;
            }
        }

        return rules;
    }

    private static RoutingRule? ReadRule(YamlNode node, List<string> queues, Dictionary<string, int> names, RoutingDiagnosticBag bag)
    {
        if (node is not YamlMappingNode map)
        {
            bag.Error(node.Line(), $"each rule must be a mapping (name:, when:, and escalate:, clarify: or answer:), not {node.Kind()}");
            return null;
        }

        var ok = RuleReader.CheckKeys(map, RuleKeys, "in a rule", bag);
        string? name = null;
        var line = map.Line();
        if (RuleReader.Get(map, "name") is not { } nameNode)
        {
            bag.Error(map.Line(), "the rule has no 'name': give it one, so every decision can say which rule fired");
            ok = false;
        }
        else if (RuleReader.TryText(nameNode, "name", bag, out var text))
        {
            name = text;
            line = nameNode.Line();
            if (names.TryGetValue(text, out var firstLine))
            {
                bag.Error(nameNode.Line(), $"another rule is already named '{RuleText.Clip(text, 40)}' (line {firstLine.ToString(CultureInfo.InvariantCulture)}): rule names must be unique");
                ok = false;
            }
            else
            {
                names[text] = nameNode.Line();
            }
        }
        else
        {
            ok = false;
        }

        List<RoutingCondition> conditions = [];
        if (RuleReader.Get(map, "when") is { } whenNode)
        {
            var parsed = RoutingConditionParser.Parse(whenNode, bag);
            ok &= parsed is not null;
            conditions = parsed ?? conditions;
        }

        var actions = map.Children.Where(e => ActionKeys.Contains(e.Key.Text()!)).ToList();
        if (actions.Count != 1)
        {
            bag.Error(actions.Count == 0 ? line : actions[1].Key.Line(), actions.Count == 0
                ? $"the rule{(name is null ? string.Empty : $" '{RuleText.Clip(name, 40)}'")} has no action: add one of escalate: {{}}, clarify: {{ text: ... }} or answer: true"
                : $"the rule{(name is null ? string.Empty : $" '{RuleText.Clip(name, 40)}'")} has {actions.Count.ToString(CultureInfo.InvariantCulture)} actions ({string.Join(", ", actions.Select(a => a.Key.Text()))}): a rule does exactly one of escalate, clarify or answer");
            return null;
        }

        var rule = ReadAction(actions[0].Key.Text()!, actions[0].Value, name ?? string.Empty, line, conditions, queues, bag);
        return ok ? rule : null;
    }

    private static RoutingRule? ReadAction(string action, YamlNode node, string name, int line, List<RoutingCondition> conditions, List<string> queues, RoutingDiagnosticBag bag)
    {
        switch (action)
        {
            case "answer":
                if (!RuleReader.TryBool(node, "answer", bag, out var answer))
                {
                    return null;
                }

                if (!answer)
                {
                    bag.Error(node.Line(), "'answer' can only be true (let the bot answer and stop here); to disable a rule, remove it");
                    return null;
                }

                return new RoutingRule(name, line, conditions, RoutingAction.Answer);

            case "escalate":
                return ReadEscalate(node, name, line, conditions, queues, bag);

            default:
                return ReadClarify(node, name, line, conditions, bag);
        }
    }

    private static RoutingRule? ReadEscalate(YamlNode node, string name, int line, List<RoutingCondition> conditions, List<string> queues, RoutingDiagnosticBag bag)
    {
        if (!RuleReader.TryMapping(node, "'escalate'", bag, out var map))
        {
            return null;
        }

        var ok = RuleReader.CheckKeys(map, EscalateKeys, "in 'escalate'", bag);
        string? queue = null;
        if (RuleReader.Get(map, "queue") is { } queueNode && RuleReader.TryText(queueNode, "queue", bag, out var q))
        {
            if (queues.Contains(q, StringComparer.Ordinal))
            {
                queue = q;
            }
            else
            {
                bag.Error(queueNode.Line(), $"unknown queue '{RuleText.Clip(q, 40)}'{RuleText.Suggest(q, queues)}; the queues are {string.Join(", ", queues)} (add it to 'queues:')");
                ok = false;
            }
        }
        else if (RuleReader.Get(map, "queue") is not null)
        {
            ok = false;
        }

        HandoffPriority? priority = null;
        if (RuleReader.Get(map, "priority") is { } priorityNode)
        {
            ok &= TryPriority(priorityNode, "priority", bag, out var p);
            priority = p;
        }

        return ok ? new RoutingRule(name, line, conditions, RoutingAction.Escalate) { Queue = queue, Priority = priority } : null;
    }

    private static RoutingRule? ReadClarify(YamlNode node, string name, int line, List<RoutingCondition> conditions, RoutingDiagnosticBag bag)
    {
        if (!RuleReader.TryMapping(node, "'clarify'", bag, out var map))
        {
            return null;
        }

        var ok = RuleReader.CheckKeys(map, ClarifyKeys, "in 'clarify'", bag);
        string? text = null;
        if (RuleReader.Get(map, "text") is not { } textNode)
        {
            bag.Error(node.Line(), "'clarify' has no 'text': add the question the bot asks");
            ok = false;
        }
        else if (RuleReader.TryText(textNode, "text", bag, out var t))
        {
            text = t;
        }
        else
        {
            ok = false;
        }

        var choices = new List<Choice>();
        if (RuleReader.Get(map, "choices") is { } choicesNode)
        {
            ok &= ReadChoices(choicesNode, choices, bag);
        }

        return ok ? new RoutingRule(name, line, conditions, RoutingAction.Clarify) { ClarifyText = text, ClarifyChoices = choices } : null;
    }

    /// <summary>A list of titles, or of <c>{ title, value }</c> mappings.</summary>
    private static bool ReadChoices(YamlNode node, List<Choice> choices, RoutingDiagnosticBag bag)
    {
        if (node is not YamlSequenceNode list)
        {
            bag.Error(node.Line(), $"'choices' must be a list of texts (or of {{ title, value }}), not {node.Kind()}");
            return false;
        }

        var ok = true;
        foreach (var item in list.Children)
        {
            if (item.Text() is { } title && title.Trim().Length > 0)
            {
                choices.Add(new Choice(title.Trim()));
            }
            else if (item is YamlMappingNode map && RuleReader.CheckKeys(map, ChoiceKeys, "in a choice", bag))
            {
                var titleNode = RuleReader.Get(map, "title");
                if (titleNode is null)
                {
                    bag.Error(map.Line(), "the choice has no 'title': add the text the customer sees");
                    ok = false;
                }
                else if (RuleReader.TryText(titleNode, "title", bag, out var t))
                {
                    var value = t;
                    var valueNode = RuleReader.Get(map, "value");
                    ok &= valueNode is null || RuleReader.TryText(valueNode, "value", bag, out value);
                    choices.Add(new Choice(value, t));
                }
                else
                {
                    ok = false;
                }
            }
            else
            {
                if (item is not YamlMappingNode)
                {
                    bag.Error(item.Line(), $"a choice must be a text (or {{ title, value }}), not {item.Kind()}");
                }

                ok = false;
            }
        }

        return ok;
    }
}
