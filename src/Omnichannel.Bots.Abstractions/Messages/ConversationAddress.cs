namespace Omnichannel.Bots;

/// <summary>
/// Where a conversation lives on its channel: the bot's own account (a WhatsApp phone number id, a Facebook page,
/// a Twilio number, a Telegram bot) and the chat's id on it.
/// </summary>
public sealed record ConversationAddress(string Account, string Id);
