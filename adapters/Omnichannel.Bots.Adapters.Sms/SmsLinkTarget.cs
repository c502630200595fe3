using Microsoft.Extensions.Options;
using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Adapters.Sms;

/// <summary>
/// Continuing by SMS with a link code: the customer texts <c>LINK 7KQ2M-X9P4D</c> to <c>Channels:Sms:FromNumber</c>.
/// Not available when SMS is off or replies come from a Messaging Service (no one number to text).
/// </summary>
internal sealed class SmsLinkTarget(IOptions<SmsOptions> options) : IChannelLinkTarget
{
    public ChannelId Channel => ChannelId.Sms;

    public string? Unavailable =>
        !options.Value.Enabled ? $"{SmsOptions.SectionName}:Enabled is false"
        : string.IsNullOrWhiteSpace(options.Value.FromNumber) ? $"{SmsOptions.SectionName}:FromNumber is not set (a Messaging Service picks the sender, so there is no number to text)"
        : null;

    public ChannelInvitation Invite(string code) => new(null, $"text {LinkCodeText.Keyword} {code} to {options.Value.FromNumber}");
}
