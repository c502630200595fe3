namespace Omnichannel.Bots.Handoff;

/// <summary>Turns transcript rows into the packet's messages: who wrote each (customer, bot or an agent), on which channel, and how far each reply got.</summary>
public static class PacketTranscript
{
    public const string Customer = "customer";

    public const string Bot = "bot";

    public const string Agent = "agent";

    public static PacketMessage ToMessage(TranscriptEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var message = entry.Message;
        var agent = entry.Direction == MessageDirection.Outbound ? message.Sender : null;
        return new PacketMessage
        {
            At = entry.At,
            From = entry.Direction == MessageDirection.Inbound ? Customer : agent is null ? Bot : Agent,
            Channel = entry.Channel.Value,
            Text = message.Text,
            AgentId = agent?.Id,
            Choices = [.. message.Choices.Select(c => c.Title)],
            Attachments = [.. message.Attachments.Select(a => a.Name ?? a.ContentType)],
            Delivery = entry.Delivery,
        };
    }
}
