namespace Omnichannel.Bots.Adapters.WhatsApp;

/// <summary>One webhook message, mapped: the message for the inbox, or why it is only logged.</summary>
internal sealed record WhatsAppInbound(BotMessage? Message, string? IgnoredBecause)
{
    public static WhatsAppInbound Ignored(string because) => new(null, because);
}
