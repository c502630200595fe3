using System.Globalization;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Omnichannel.Bots.Adapters.Telegram;

/// <summary>
/// Sends what the outbox holds for a Telegram chat. The runtime has rendered it for <see cref="ChannelProfiles.Telegram"/>
/// (HTML, escaped; at most 4,096 characters; choices as buttons only when they fit), so the text goes as it is with
/// <c>parse_mode</c> HTML. Choices become an inline keyboard, one button per row, each button's <c>callback_data</c>
/// the choice's value or, past 64 bytes, a stored key (<see cref="CallbackData"/>). A location goes with
/// <c>sendLocation</c>; images with <c>sendPhoto</c> and other files with <c>sendDocument</c>, by URL or, for a file the
/// customer sent (<see cref="TelegramFileReference"/>), by <c>file_id</c>. The keyboard rides on the last message so it
/// sits under everything. Typing is <c>sendChatAction typing</c>. Pacing is the outbox's
/// (<see cref="ChannelProfile.Pacing"/>); this sends at once and never retries: failures go back as
/// <see cref="ChannelSendException"/> (<see cref="TelegramErrors"/>).
/// </summary>
internal sealed class TelegramChannelAdapter : ChannelAdapter
{
    private readonly TelegramApi _api;
    private readonly CallbackData _callbackData;

    public TelegramChannelAdapter(TelegramApi api, CallbackData callbackData)
    {
        _api = api;
        _callbackData = callbackData;
    }

    public override ChannelProfile Profile => ChannelProfiles.Telegram;

    public override async Task<SendReceipt> SendAsync(BotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_api.Options.Enabled)
        {
            throw new ChannelSendException("Telegram is not enabled here (Channels:Telegram:Enabled is false); nothing was sent.", isTransient: false);
        }

        if (!long.TryParse(message.Conversation.Id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
        {
            throw new ChannelSendException($"'{message.Conversation.Id}' is not a Telegram chat id.", isTransient: false);
        }

        var client = _api.Client();
        if (message.Kind == MessageKind.Typing)
        {
            await CallAsync(
                async () =>
                {
                    await client.SendChatAction(chatId, ChatAction.Typing, cancellationToken: cancellationToken).ConfigureAwait(false);
                    return true;
                },
                "sendChatAction",
                cancellationToken).ConfigureAwait(false);
            return new SendReceipt(null);
        }

        var keyboard = await KeyboardAsync(message.Choices, cancellationToken).ConfigureAwait(false);
        var steps = new List<Func<ReplyMarkup?, Task<Message>>>();
        if (message.Location is { } location)
        {
            steps.Add(markup => CallAsync(() => client.SendLocation(chatId, location.Latitude, location.Longitude, replyMarkup: markup, cancellationToken: cancellationToken), "sendLocation", cancellationToken));
        }

        if (!string.IsNullOrEmpty(message.Text))
        {
            steps.Add(markup => CallAsync(() => client.SendMessage(chatId, message.Text, ParseMode.Html, replyMarkup: markup, cancellationToken: cancellationToken), "sendMessage", cancellationToken));
        }

        foreach (var attachment in message.Attachments)
        {
            InputFile file = TelegramFileReference.TryRead(attachment.Url, out var fileId) ? InputFile.FromFileId(fileId) : InputFile.FromUri(attachment.Url);
            steps.Add(attachment.Kind == MediaKinds.Image
                ? markup => CallAsync(() => client.SendPhoto(chatId, file, replyMarkup: markup, cancellationToken: cancellationToken), "sendPhoto", cancellationToken)
                : markup => CallAsync(() => client.SendDocument(chatId, file, replyMarkup: markup, cancellationToken: cancellationToken), "sendDocument", cancellationToken));
        }

        if (steps.Count == 0)
        {
            throw new ChannelSendException($"Outbound message '{message.Id}' has nothing Telegram can show (no text, attachment or location).", isTransient: false);
        }

        Message? sent = null;
        for (var i = 0; i < steps.Count; i++)
        {
            sent = await steps[i](i == steps.Count - 1 ? keyboard : null).ConfigureAwait(false);
        }

        return new SendReceipt(sent!.Id.ToString(CultureInfo.InvariantCulture));
    }

    private async Task<InlineKeyboardMarkup?> KeyboardAsync(IReadOnlyList<Choice> choices, CancellationToken cancellationToken)
    {
        if (choices.Count == 0)
        {
            return null;
        }

        var rows = new List<InlineKeyboardButton[]>(choices.Count);
        foreach (var choice in choices)
        {
            var data = await _callbackData.EncodeAsync(choice.Value, cancellationToken).ConfigureAwait(false);
            rows.Add([InlineKeyboardButton.WithCallbackData(choice.Title, data)]);
        }

        return new InlineKeyboardMarkup(rows);
    }

    /// <summary>Runs one Bot API call; any failure but the caller's own cancellation becomes a <see cref="ChannelSendException"/> (a timeout is transient).</summary>
    private static async Task<T> CallAsync<T>(Func<Task<T>> call, string method, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            throw TelegramErrors.ToSendException(ex, method);
        }
    }
}
