using System.Globalization;
using Omnichannel.Bots.Handoff.Routing;

namespace Omnichannel.Bots.Handoff.Tests.Routing;

/// <summary>
/// Builds <see cref="RoutingFacts"/> from a compact row: <c>after webchat asked tier=vip sentiment=-0.7 recent=-0.4
/// intent=refund.large amounts=50,250 streak=2 dialog=reason closed agents=0 queued=12</c>. Words not given keep the
/// defaults (before the dialog on webchat, open, nothing asked, agents unknown).
/// </summary>
internal static class FactsRow
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);

    public static RoutingFacts Parse(string row)
    {
        var facts = new RoutingFacts { Phase = RoutingPhase.BeforeDialog, Channel = ChannelId.WebChat, Now = Now };
        foreach (var word in row.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = word.Split('=', 2) is [var k, var v] ? (k, v) : (word, string.Empty);
            facts = key switch
            {
                "before" => facts with { Phase = RoutingPhase.BeforeDialog },
                "after" => facts with { Phase = RoutingPhase.AfterDialog },
                "asked" => facts with { AskedForPerson = true },
                "channel" => facts with { Channel = new ChannelId(value) },
                "tier" => facts with { Tier = value },
                "sentiment" => facts with { Sentiment = double.Parse(value, CultureInfo.InvariantCulture) },
                "recent" => facts with { RecentSentiment = double.Parse(value, CultureInfo.InvariantCulture) },
                "intent" => facts with { Intent = value },
                "amounts" => facts with { Amounts = [.. value.Split(',').Select(a => decimal.Parse(a, CultureInfo.InvariantCulture))] },
                "streak" => facts with { LowConfidenceStreak = int.Parse(value, CultureInfo.InvariantCulture) },
                "dialog" => facts with { DialogRequestedHandoff = true, DialogHandoffReason = value.Length > 0 ? value : null },
                "closed" => facts with { WithinBusinessHours = false },
                "agents" => facts with { AgentsAvailable = int.Parse(value, CultureInfo.InvariantCulture) },
                "queued" => facts with { QueuedConversations = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown fact '{word}' in the test row"),
            };
        }

        return facts;
    }
}
