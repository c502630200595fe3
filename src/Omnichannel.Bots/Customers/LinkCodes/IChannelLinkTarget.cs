namespace Omnichannel.Bots.Customers;

/// <summary>
/// A channel customers can continue on with a link code: its adapter knows the address to give them (the Telegram
/// bot's username, the WhatsApp display number, the SMS number) and registers one of these with
/// <c>TryAddEnumerable</c>. <see cref="LinkCodes"/> asks it for the invitation that carries a new code.
/// </summary>
public interface IChannelLinkTarget
{
    /// <summary>The channel the customer continues on.</summary>
    ChannelId Channel { get; }

    /// <summary>Null when it can invite; else why not, naming the setting to change (for the log, never the customer).</summary>
    string? Unavailable { get; }

    /// <summary>How to use <paramref name="code"/> on the channel: a link that carries it, and one instruction.</summary>
    /// <param name="code">The code as customers type it (<see cref="LinkCodeText.Format"/>).</param>
    ChannelInvitation Invite(string code);
}
