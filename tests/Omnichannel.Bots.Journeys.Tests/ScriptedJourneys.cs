using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Journeys.Storage;
using Omnichannel.Bots.Storage.Sqlite;
using K = Omnichannel.Bots.Journeys.JourneyEventKind;

namespace Omnichannel.Bots.Journeys.Tests;

/// <summary>
/// A scripted week of journeys with every metric computed by hand (below), including re-asked values and unresolved
/// journeys, so that every rate lies strictly between 0 and 1. Range: [2026-03-01, 2026-03-08) UTC.
/// Costs: webchat 0.01, whatsapp 0.05, sms 0.02 per message (telegram not listed: free), 0.50 per agent minute.
/// </summary>
/// <remarks>
/// Journeys (customer, day):
/// <list type="bullet">
/// <item>A1 (a, 03-01): web chat 09:00 gives order-number, is asked email; switches to WhatsApp 09:10 and is asked email
/// again (never given: not a re-ask); gives it 09:20, the bot resolves. 1 transition, preserved. Resolved by the bot
/// after 20 min; cross-channel; no later journey: first contact. Messages: webchat 1 in + 1 bot = 2 (0.02), whatsapp
/// 2 in + 2 bot = 4 (0.20). Cost 0.22.</item>
/// <item>B1 (b, 03-01): SMS 10:00 gives order-number; 10:05 asks for a person (handoff: 1 transition, nothing asked
/// after it: preserved); alice claims 10:10, replies 10:12, the customer writes 10:14, alice resolves 10:40 (2 closing
/// messages), the customer rates 5 at 10:41 (with its message). Resolved by an agent after 40 min; SMS only. Messages:
/// 4 in + 4 bot + 1 agent = 9 (0.18); agent 30 min (15.00). Cost 15.18. B2 starts 3 days later: not first contact.</item>
/// <item>B2 (b, 03-04): web chat 12:00, one message and a reply, then silence. Its channel switch (the previous message
/// was on SMS, days ago) opens the journey: not a transition. Unresolved. Cost 2 x 0.01 = 0.02.</item>
/// <item>C1 (c, 03-02): WhatsApp 09:00 gives order-number and email; switches to SMS 09:30 and is asked order-number
/// again (re-ask: transition 1 not preserved); gives it, handoff 09:35 (transition 2); bob claims 09:40 and returns
/// the customer to the bot 10:00 (2 closing messages); rating 2 at 10:01; 10:05 the bot asks email again (re-ask:
/// transition 2 not preserved); silence. Unresolved, cross-channel. Messages: whatsapp 1 in + 1 bot = 2 (0.10), SMS
/// 4 in + 5 bot = 9 (0.18); agent 20 min (10.00). Cost 10.28.</item>
/// <item>E1 (e, 03-03): web chat 08:00; switches to Telegram 08:30 (nothing asked: preserved); the bot resolves 09:30.
/// Resolved by the bot after 90 min; cross-channel; first contact. Messages: webchat 2 (0.02), telegram 4 (free).
/// Cost 0.02.</item>
/// <item>F1, F2 (f): SMS 03-06 08:00 and 03-07 09:00, 25 hours apart (more than the 24-hour idle timeout): two
/// journeys, each a message and a reply, unresolved. Cost 0.04 each.</item>
/// <item>D (d): 02-28 23:00 to 03-01 00:30 (started before the range) and 03-09 (after it): not counted.</item>
/// </list>
/// Totals over the 7 journeys counted (A1, B1, B2, C1, E1, F1, F2):
/// resolved 3 (bot 2: A1, E1; agent 1: B1): resolution rate 3/7.
/// Transitions 1 + 1 + 0 + 2 + 1 = 5, preserved 1 + 1 + 0 + 1 = 3: context preservation 3/5.
/// Cross-channel journeys A1, C1, E1 = 3, resolved A1, E1: cross-channel resolution 2/3.
/// First-contact resolution: A1, E1 (B1 was followed by B2 within 7 days): 2/7.
/// Rated: B1 5, C1 2: CSAT average 3.5, rated 4-5: 1/2.
/// Time to resolution 20, 40, 90 min: mean 50 min, median 40 min.
/// Total cost 0.22 + 15.18 + 0.02 + 10.28 + 0.02 + 0.04 + 0.04 = 25.80; per resolution 25.80 / 3 = 8.60.
/// </remarks>
internal static class ScriptedJourneys
{
    public static readonly DateTimeOffset From = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset To = new(2026, 3, 8, 0, 0, 0, TimeSpan.Zero);

    public static JourneysOptions Options() => new()
    {
        Costs = new JourneyCosts
        {
            Messages = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["webchat"] = 0.01m, ["whatsapp"] = 0.05m, ["sms"] = 0.02m },
            AgentMinute = 0.50m,
        },
    };

    /// <summary>The same settings as an appsettings.json (for <c>omnibot metrics --config</c>).</summary>
    public const string SettingsJson = """
        { "Journeys": { "Costs": { "Messages": { "webchat": 0.01, "whatsapp": 0.05, "sms": 0.02 }, "AgentMinute": 0.50 } } }
        """;

    public static IReadOnlyList<JourneyEvent> Events()
    {
        var script = new Script();
        // D: started before the range, and again after it.
        script.Day(2026, 2, 28).At(23, 0, "d", K.MessageIn, "webchat").At(23, 0, "d", K.BotMessages, "webchat");
        script.Day(2026, 3, 1).At(0, 30, "d", K.MessageIn, "webchat").At(0, 30, "d", K.Resolved, "webchat");

        // A1.
        script.Day(2026, 3, 1)
            .At(9, 0, "a", K.MessageIn, "webchat").At(9, 0, "a", K.SlotGiven, "webchat", slot: "order-number").At(9, 0, "a", K.SlotAsked, "webchat", slot: "email").At(9, 0, "a", K.BotMessages, "webchat")
            .At(9, 10, "a", K.MessageIn, "whatsapp").At(9, 10, "a", K.ChannelSwitch, "whatsapp").At(9, 10, "a", K.SlotAsked, "whatsapp", slot: "email").At(9, 10, "a", K.BotMessages, "whatsapp")
            .At(9, 20, "a", K.MessageIn, "whatsapp").At(9, 20, "a", K.SlotGiven, "whatsapp", slot: "email").At(9, 20, "a", K.Resolved, "whatsapp").At(9, 20, "a", K.BotMessages, "whatsapp");

        // B1.
        script.Day(2026, 3, 1)
            .At(10, 0, "b", K.MessageIn, "sms").At(10, 0, "b", K.SlotGiven, "sms", slot: "order-number").At(10, 0, "b", K.BotMessages, "sms")
            .At(10, 5, "b", K.MessageIn, "sms").At(10, 5, "b", K.Handoff, "sms").At(10, 5, "b", K.BotMessages, "sms")
            .At(10, 10, "b", K.Claimed, ticket: 1, agent: "alice")
            .At(10, 12, "b", K.AgentMessage, "sms", ticket: 1, agent: "alice")
            .At(10, 14, "b", K.MessageIn, "sms")
            .At(10, 40, "b", K.Resolved, "sms", ticket: 1, agent: "alice").At(10, 40, "b", K.BotMessages, "sms", ticket: 1, count: 2)
            .At(10, 41, "b", K.Rating, ticket: 1, score: 5).At(10, 41, "b", K.MessageIn, "sms", ticket: 1);

        // C1.
        script.Day(2026, 3, 2)
            .At(9, 0, "c", K.MessageIn, "whatsapp").At(9, 0, "c", K.SlotGiven, "whatsapp", slot: "order-number").At(9, 0, "c", K.SlotGiven, "whatsapp", slot: "email").At(9, 0, "c", K.BotMessages, "whatsapp")
            .At(9, 30, "c", K.MessageIn, "sms").At(9, 30, "c", K.ChannelSwitch, "sms").At(9, 30, "c", K.SlotAsked, "sms", slot: "order-number").At(9, 30, "c", K.BotMessages, "sms")
            .At(9, 35, "c", K.MessageIn, "sms").At(9, 35, "c", K.SlotGiven, "sms", slot: "order-number").At(9, 35, "c", K.Handoff, "sms").At(9, 35, "c", K.BotMessages, "sms")
            .At(9, 40, "c", K.Claimed, ticket: 2, agent: "bob")
            .At(10, 0, "c", K.ReturnedToBot, "sms", ticket: 2, agent: "bob").At(10, 0, "c", K.BotMessages, "sms", ticket: 2, count: 2)
            .At(10, 1, "c", K.Rating, ticket: 2, score: 2).At(10, 1, "c", K.MessageIn, "sms", ticket: 2)
            .At(10, 5, "c", K.MessageIn, "sms").At(10, 5, "c", K.SlotAsked, "sms", slot: "email").At(10, 5, "c", K.BotMessages, "sms");

        // E1.
        script.Day(2026, 3, 3)
            .At(8, 0, "e", K.MessageIn, "webchat").At(8, 0, "e", K.BotMessages, "webchat")
            .At(8, 30, "e", K.MessageIn, "telegram").At(8, 30, "e", K.ChannelSwitch, "telegram").At(8, 30, "e", K.BotMessages, "telegram")
            .At(9, 30, "e", K.MessageIn, "telegram").At(9, 30, "e", K.Resolved, "telegram").At(9, 30, "e", K.BotMessages, "telegram");

        // B2: back on web chat days later (the turn records the switch from SMS).
        script.Day(2026, 3, 4).At(12, 0, "b", K.MessageIn, "webchat").At(12, 0, "b", K.ChannelSwitch, "webchat").At(12, 0, "b", K.BotMessages, "webchat");

        // F1, F2: 25 hours apart.
        script.Day(2026, 3, 6).At(8, 0, "f", K.MessageIn, "sms").At(8, 0, "f", K.BotMessages, "sms");
        script.Day(2026, 3, 7).At(9, 0, "f", K.MessageIn, "sms").At(9, 0, "f", K.BotMessages, "sms");

        // D again, after the range.
        script.Day(2026, 3, 9).At(10, 0, "d", K.MessageIn, "webchat").At(10, 0, "d", K.BotMessages, "webchat");
        return script.Events;
    }

    /// <summary>A database with the journeys table holding <see cref="Events"/>, in <paramref name="directory"/>.</summary>
    public static async Task WriteDatabaseAsync(string directory, string fileName = "bot.db")
    {
        using var database = new SqliteDatabase(
            Microsoft.Extensions.Options.Options.Create(new SqliteStorageOptions { DataDirectory = directory, FileName = fileName }),
            NullLogger<SqliteDatabase>.Instance,
            [SqliteJourneysSchema.Schema]);
        await WriteAsync(database);
    }

    public static Task WriteAsync(SqliteDatabase database) =>
        database.WriteAsync(
            db =>
            {
                foreach (var e in Events())
                {
                    JourneyEventRows.Append(db, e.CustomerId, e.At.ToUnixTimeMilliseconds(), e.Kind, e.Channel, e.TicketId, e.AgentId, e.Slot, e.Score, e.Count);
                }

                return 0;
            },
            CancellationToken.None);

    /// <summary>Writes events in script order (the log's order), with ids ascending.</summary>
    private sealed class Script
    {
        private DateOnly _day;

        public List<JourneyEvent> Events { get; } = [];

        public Script Day(int year, int month, int day)
        {
            _day = new DateOnly(year, month, day);
            return this;
        }

        public Script At(int hour, int minute, string customer, JourneyEventKind kind, string? channel = null, string? slot = null, long? ticket = null, string? agent = null, int? score = null, int count = 1)
        {
            var at = new DateTimeOffset(_day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);
            Events.Add(new JourneyEvent(Events.Count + 1, customer, at, kind) { Channel = channel, Slot = slot, TicketId = ticket, AgentId = agent, Score = score, Count = count });
            return this;
        }
    }
}
