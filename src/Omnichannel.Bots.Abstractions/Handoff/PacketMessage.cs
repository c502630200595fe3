namespace Omnichannel.Bots.Handoff;

/// <summary>One transcript message: <see cref="From"/> is <c>customer</c>, <c>bot</c> or <c>agent</c>.</summary>
public sealed record PacketMessage
{
    public required DateTimeOffset At { get; init; }

    public required string From { get; init; }

    public required string Channel { get; init; }

    public string? Text { get; init; }

    /// <summary>For agent messages: the agent's customer-facing handle in stored packets and the webhook (never the sign-in id); the agent workspace shows the sign-in id.</summary>
    public string? AgentId { get; init; }

    /// <summary>Titles of the choices offered with a bot message, and names of attachments, so nothing the customer saw is lost.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    public IReadOnlyList<string> Attachments { get; init; } = [];

    /// <summary>For bot and agent messages: how far the message got (sent, delivered, read, failed with the provider's code); null for the customer's and for replies not sent yet.</summary>
    public DeliveryState? Delivery { get; init; }
}
