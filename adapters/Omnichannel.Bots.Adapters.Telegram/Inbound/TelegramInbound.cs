namespace Omnichannel.Bots.Adapters.Telegram;

/// <summary>
/// What one Bot API update means for the bot: a customer message for the inbox, or why it is acknowledged and ignored;
/// and, for a pressed inline button, the callback query to answer so the button stops spinning.
/// </summary>
internal sealed record TelegramInbound(BotMessage? Message, string? IgnoredBecause, string? CallbackQueryId)
{
    public static TelegramInbound Ignored(string because, string? callbackQueryId = null) => new(null, because, callbackQueryId);
}
