namespace Omnichannel.Bots.Adapters.Telegram.Tests;

/// <summary>An error answer as the Bot API writes it: <c>{"ok":false,"error_code":429,"description":"...","parameters":{"retry_after":5}}</c>.</summary>
public sealed record BotApiError(int ErrorCode, string Description, int? RetryAfter = null)
{
    public static BotApiError TooManyRequests(int retryAfter) => new(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);

    public static BotApiError Blocked { get; } = new(403, "Forbidden: bot was blocked by the user");

    public static BotApiError Deactivated { get; } = new(403, "Forbidden: user is deactivated");

    public static BotApiError ServerError { get; } = new(500, "Internal Server Error");

    public static BotApiError Unavailable(int retryAfter) => new(503, "Service Unavailable", retryAfter);

    public static BotApiError BadRequest { get; } = new(400, "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 0");

    public static BotApiError WebhookConflict { get; } = new(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
}
