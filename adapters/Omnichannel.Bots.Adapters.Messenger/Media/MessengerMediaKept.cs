using Omnichannel.Bots.Files;

namespace Omnichannel.Bots.Adapters.Messenger;

/// <summary>
/// What became of keeping an attachment: the kept <see cref="File"/>, or why not: <see cref="TooLarge"/> (over
/// <c>MaxMediaBytes</c> or the conversation's quota, nothing kept) or the CDN's refusal or silence.
/// </summary>
internal sealed record MessengerMediaKept(CustomerFile? File, bool TooLarge, string? Problem)
{
    public static MessengerMediaKept Of(CustomerFile file) => new(file, false, null);

    public static MessengerMediaKept Refused(string why) => new(null, true, why);

    public static MessengerMediaKept Unavailable(string why) => new(null, false, why);
}
