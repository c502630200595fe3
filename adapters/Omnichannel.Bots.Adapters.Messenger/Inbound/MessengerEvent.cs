namespace Omnichannel.Bots.Adapters.Messenger;

/// <summary>
/// What one webhook messaging event holds for the bot: a customer's <see cref="Message"/> for the inbox with the
/// attachments to keep (<see cref="Media"/>), delivery <see cref="Reports"/> for the bot's own sends, or neither, with
/// the reason it is acknowledged and ignored.
/// </summary>
internal sealed record MessengerEvent(BotMessage? Message, IReadOnlyList<MessengerMedia> Media, IReadOnlyList<DeliveryReport> Reports, string? IgnoredBecause)
{
    public static MessengerEvent Of(BotMessage message, IReadOnlyList<MessengerMedia>? media = null) => new(message, media ?? [], [], null);

    public static MessengerEvent Delivered(IReadOnlyList<DeliveryReport> reports) => new(null, [], reports, null);

    public static MessengerEvent Ignored(string reason) => new(null, [], [], reason);
}
