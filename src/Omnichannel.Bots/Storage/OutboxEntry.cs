namespace Omnichannel.Bots.Storage;

/// <summary>A rendered reply waiting to be sent (or being retried).</summary>
public sealed record OutboxEntry(
    long Id,
    string ConversationId,
    BotMessage Message,
    int Attempts,
    DateTimeOffset CreatedAt);
