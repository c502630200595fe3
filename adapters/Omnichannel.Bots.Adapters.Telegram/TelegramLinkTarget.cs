using Microsoft.Extensions.Options;
using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Adapters.Telegram;

/// <summary>
/// Continuing on Telegram with a link code: <c>https://t.me/&lt;BotUsername&gt;?start=link_7KQ2MX9P4D</c> opens the bot,
/// and pressing Start sends the code as the <c>/start</c> payload (<see cref="BotMessage.DeepLinkPayload"/>). Not
/// available when Telegram is off or <c>Channels:Telegram:BotUsername</c> is unset.
/// </summary>
internal sealed class TelegramLinkTarget(IOptions<TelegramOptions> options) : IChannelLinkTarget
{
    public ChannelId Channel => ChannelId.Telegram;

    public string? Unavailable =>
        !options.Value.Enabled ? $"{TelegramOptions.SectionName}:Enabled is false"
        : string.IsNullOrWhiteSpace(options.Value.BotUsername) ? $"{TelegramOptions.SectionName}:BotUsername is not set (the bot's username, for its t.me link)"
        : null;

    public ChannelInvitation Invite(string code)
    {
        var username = options.Value.BotUsername!.TrimStart('@');
        var link = new Uri($"https://t.me/{username}?start={LinkCodeText.PayloadPrefix}{code.Replace("-", string.Empty, StringComparison.Ordinal)}");
        return new ChannelInvitation(link, $"open {link.AbsoluteUri} and press Start");
    }
}
