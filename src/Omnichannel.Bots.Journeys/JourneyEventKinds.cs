namespace Omnichannel.Bots.Journeys;

/// <summary>The stored text of each <see cref="JourneyEventKind"/> (the <c>journey_events.kind</c> column).</summary>
public static class JourneyEventKinds
{
    private static readonly Dictionary<JourneyEventKind, string> Texts = new()
    {
        [JourneyEventKind.MessageIn] = "message-in",
        [JourneyEventKind.BotMessages] = "bot-messages",
        [JourneyEventKind.ChannelSwitch] = "channel-switch",
        [JourneyEventKind.Handoff] = "handoff",
        [JourneyEventKind.Claimed] = "claimed",
        [JourneyEventKind.Requeued] = "requeued",
        [JourneyEventKind.AgentMessage] = "agent-message",
        [JourneyEventKind.ReturnedToBot] = "returned-to-bot",
        [JourneyEventKind.Resolved] = "resolved",
        [JourneyEventKind.Rating] = "rating",
        [JourneyEventKind.SlotGiven] = "slot-given",
        [JourneyEventKind.SlotAsked] = "slot-asked",
    };

    private static readonly Dictionary<string, JourneyEventKind> Kinds = Texts.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string Text(JourneyEventKind kind) => Texts[kind];

    public static JourneyEventKind Parse(string text) =>
        Kinds.TryGetValue(text, out var kind) ? kind : throw new FormatException($"'{text}' is not a journey event kind.");
}
