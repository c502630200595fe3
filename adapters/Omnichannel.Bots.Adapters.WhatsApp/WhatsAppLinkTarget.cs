using Microsoft.Extensions.Options;
using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Adapters.WhatsApp;

/// <summary>
/// Continuing on WhatsApp with a link code: <c>https://wa.me/15551234567?text=LINK%207KQ2M-X9P4D</c> opens a chat with
/// the business number with the code typed in; the customer sends it. Not available when WhatsApp is off or
/// <c>Channels:WhatsApp:DisplayPhoneNumber</c> is unset.
/// </summary>
internal sealed class WhatsAppLinkTarget(IOptions<WhatsAppOptions> options) : IChannelLinkTarget
{
    public ChannelId Channel => ChannelId.WhatsApp;

    public string? Unavailable =>
        !options.Value.Enabled ? $"{WhatsAppOptions.SectionName}:Enabled is false"
        : string.IsNullOrWhiteSpace(options.Value.DisplayPhoneNumber) ? $"{WhatsAppOptions.SectionName}:DisplayPhoneNumber is not set (the business number customers see, for its wa.me link)"
        : null;

    public ChannelInvitation Invite(string code)
    {
        // wa.me takes the number in international form without '+'.
        var number = options.Value.DisplayPhoneNumber!.TrimStart('+');
        var link = new Uri($"https://wa.me/{number}?text={Uri.EscapeDataString($"{LinkCodeText.Keyword} {code}")}");
        return new ChannelInvitation(link, $"open {link.AbsoluteUri} and send the message it prepares");
    }
}
