using YamlDotNet.RepresentationModel;

namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>Reads a rule's <c>when:</c> mapping into conditions.</summary>
internal static class RoutingConditionParser
{
    public static readonly string[] Keys =
    [
        "asked_for_person", "low_confidence_streak", "sentiment_below", "recent_sentiment_below", "tier", "intent",
        "amount_over", "channel", "business_hours", "agents_available", "queued_over", "dialog_requested", "phase",
    ];

    /// <summary>The conditions, or null when one of them has an error (reported).</summary>
    public static List<RoutingCondition>? Parse(YamlNode node, RoutingDiagnosticBag bag)
    {
        if (!RuleReader.TryMapping(node, "'when'", bag, out var map))
        {
            return null;
        }

        var ok = RuleReader.CheckKeys(map, Keys, "in 'when'", bag);
        var conditions = new List<RoutingCondition>();
        foreach (var (keyNode, value) in map.Children)
        {
            var key = keyNode.Text()!;
            var condition = key switch
            {
                "asked_for_person" => RuleReader.TryBool(value, key, bag, out var b) ? RoutingCondition.AskedForPerson(b) : null,
                "low_confidence_streak" => RuleReader.TryInt(value, key, 1, bag, out var n) ? RoutingCondition.LowConfidenceStreak(n) : null,
                "sentiment_below" => RuleReader.TryDecimal(value, key, -1, 1, bag, out var s) ? RoutingCondition.SentimentBelow(s) : null,
                "recent_sentiment_below" => RuleReader.TryDecimal(value, key, -1, 1, bag, out var r) ? RoutingCondition.RecentSentimentBelow(r) : null,
                "tier" => RuleReader.TryTextList(value, key, bag, out var tiers) ? RoutingCondition.Tier([.. tiers.Select(t => t.Value!)]) : null,
                "intent" => RuleReader.TryTextList(value, key, bag, out var intents) ? RoutingCondition.Intent([.. intents.Select(t => t.Value!)]) : null,
                "amount_over" => RuleReader.TryDecimal(value, key, 0, decimal.MaxValue, bag, out var a) ? RoutingCondition.AmountOver(a) : null,
                "channel" => ReadChannels(value, bag),
                "business_hours" => ReadBusinessHours(value, bag),
                "agents_available" => RuleReader.TryBool(value, key, bag, out var av) ? RoutingCondition.AgentsAvailable(av) : null,
                "queued_over" => RuleReader.TryInt(value, key, 0, bag, out var q) ? RoutingCondition.QueuedOver(q) : null,
                "dialog_requested" => RuleReader.TryBool(value, key, bag, out var d) ? RoutingCondition.DialogRequested(d) : null,
                "phase" => ReadPhase(value, bag),
                _ => null,
            };

            if (condition is null)
            {
                ok = false;
            }
            else
            {
                conditions.Add(condition);
            }
        }

        return ok ? conditions : null;
    }

    private static RoutingCondition? ReadChannels(YamlNode value, RoutingDiagnosticBag bag)
    {
        if (!RuleReader.TryTextList(value, "channel", bag, out var items))
        {
            return null;
        }

        var channels = new List<string>();
        var ok = true;
        foreach (var item in items)
        {
            var id = item.Value!.ToLowerInvariant();
            if (ChannelId.IsValid(id))
            {
                channels.Add(id);
            }
            else
            {
                bag.Error(item.Line, $"'{RuleText.Clip(item.Value!, 40)}' is not a channel id (lower-case letters, digits, '-' or '_', such as webchat, whatsapp, messenger, telegram, sms)");
                ok = false;
            }
        }

        return ok ? RoutingCondition.Channel(channels) : null;
    }

    private static RoutingCondition? ReadBusinessHours(YamlNode value, RoutingDiagnosticBag bag)
    {
        switch (value.Text()?.Trim().ToLowerInvariant())
        {
            case "open":
                return RoutingCondition.BusinessHours(open: true);
            case "closed":
                return RoutingCondition.BusinessHours(open: false);
            default:
                bag.Error(value.Line(), $"'business_hours' must be open or closed, not {value.Kind()}");
                return null;
        }
    }

    private static RoutingCondition? ReadPhase(YamlNode value, RoutingDiagnosticBag bag)
    {
        switch (value.Text()?.Trim().ToLowerInvariant())
        {
            case "before_dialog":
                return RoutingCondition.Phase(RoutingPhase.BeforeDialog);
            case "after_dialog":
                return RoutingCondition.Phase(RoutingPhase.AfterDialog);
            default:
                bag.Error(value.Line(), $"'phase' must be before_dialog or after_dialog, not {value.Kind()}");
                return null;
        }
    }
}
