using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Handoff;

/// <summary>
/// Whether a message can reach the customer on one conversation now: the channel's reply window
/// (<see cref="ChannelCapabilities.ReplyWindow"/>, counted from the customer's last message) and an SMS opt-out (the
/// customer's last STOP not followed by START). Capabilities are data: no channel is named here.
/// </summary>
public sealed record ChannelReach(
    ConversationRecord Conversation,
    DateTimeOffset? LastInboundAt,
    bool WindowOpen,
    DateTimeOffset? WindowClosesAt,
    bool OptedOut,
    bool HasAdapter)
{
    public bool CanSend => WindowOpen && !OptedOut && HasAdapter;

    /// <summary>Why a message cannot be sent, in words an agent can act on; null when it can.</summary>
    public string? Problem(ChannelProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var channel = Conversation.Channel.Value;
        if (!HasAdapter)
        {
            return $"The customer's current channel ({channel}) is not enabled on this bot, so the reply cannot be delivered.";
        }

        if (OptedOut)
        {
            return $"The customer opted out of messages on {channel} (they sent STOP); nothing can be sent there until they send START.";
        }

        if (!WindowOpen)
        {
            var hours = profile.Capabilities.ReplyWindow?.TotalHours ?? 0;
            return string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{channel}'s {hours:0.#}-hour reply window closed at {WindowClosesAt:yyyy-MM-dd HH:mm} UTC ({hours:0.#} hours after the customer's last message); a free-form reply is refused until the customer writes again.");
        }

        return null;
    }

    /// <summary>The reach of <paramref name="conversation"/>, given the customer's transcript (for opt-out keywords).</summary>
    public static ChannelReach Of(
        CustomerConversation conversation,
        ChannelProfile profile,
        bool hasAdapter,
        IEnumerable<TranscriptEntry> transcript,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(transcript);
        var window = profile.Capabilities.ReplyWindow;
        DateTimeOffset? closes = window is { } w && conversation.LastInboundAt is { } last ? last + w : null;
        var open = window is null || (closes is { } at && at > now);
        var optedOut = false;
        foreach (var entry in transcript)
        {
            if (entry.Direction != MessageDirection.Inbound || entry.ConversationId != conversation.Conversation.Id)
            {
                continue;
            }

            if (profile.IsOptOut(entry.Message.Text))
            {
                optedOut = true;
            }
            else if (profile.IsOptIn(entry.Message.Text))
            {
                optedOut = false;
            }
        }

        return new ChannelReach(conversation.Conversation, conversation.LastInboundAt, open, closes, optedOut, hasAdapter);
    }
}
