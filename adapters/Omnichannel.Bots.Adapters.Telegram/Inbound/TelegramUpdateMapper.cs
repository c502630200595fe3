using System.Globalization;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Inbound;
using Omnichannel.Bots.Recognizers;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Adapters.Telegram;

/// <summary>
/// Normalizes a Bot API <c>Update</c> to a <see cref="BotMessage"/>: the id is <c>update_id</c> (the inbox's dedupe
/// key), the account the bot's id, the conversation the chat's id. Text; <c>/start PAYLOAD</c> as text <c>/start</c>
/// with the payload in <see cref="BotMessage.DeepLinkPayload"/>; a pressed button's value (a stored key mapped back)
/// with its title as text; a location; a contact (the sender's own number becomes their verified phone number, anyone
/// else's is only text); photos (the largest size), documents, videos, audio and voice notes as attachments by
/// <see cref="TelegramFileReference"/>, the caption as text. An edited message is a new turn with the edited text.
/// Group, supergroup and channel chats are ignored unless <see cref="TelegramOptions.AllowGroups"/>, and so are update
/// kinds the bot does not handle (stickers, polls, reactions, ...).
/// </summary>
internal sealed class TelegramUpdateMapper
{
    private const string StartCommand = "/start";

    private readonly CallbackData _callbackData;
    private readonly IOptions<TelegramOptions> _options;
    private readonly TimeProvider _time;

    public TelegramUpdateMapper(CallbackData callbackData, IOptions<TelegramOptions> options, TimeProvider time)
    {
        _callbackData = callbackData;
        _options = options;
        _time = time;
    }

    public async Task<TelegramInbound> MapAsync(Update update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Message is { } message)
        {
            return MapMessage(update, message);
        }

        if (update.EditedMessage is { } edited)
        {
            return MapMessage(update, edited);
        }

        if (update.CallbackQuery is { } query)
        {
            return await MapCallbackQueryAsync(update, query, cancellationToken).ConfigureAwait(false);
        }

        return TelegramInbound.Ignored($"it is a {update.Type} update, which the bot does not handle");
    }

    private TelegramInbound MapMessage(Update update, Message message)
    {
        if (message.Chat is null)
        {
            throw new InboundMessageRejectedException(["the message has no chat"]);
        }

        if (IgnoredChat(message.Chat) is { } ignored)
        {
            return TelegramInbound.Ignored(ignored);
        }

        if (message.From is not { } from)
        {
            return TelegramInbound.Ignored("the message has no sender (an anonymous or channel post)");
        }

        var sender = Sender(from);
        var text = message.Text ?? message.Caption;
        string? deepLink = null;
        if (message.Text is { } command && IsStart(command, out var payload))
        {
            text = StartCommand;
            deepLink = payload;
        }

        if (message.Contact is { } contact)
        {
            (sender, text) = WithContact(sender, from, contact);
        }

        var location = message.Location is { } at ? new GeoLocation(at.Latitude, at.Longitude, message.Venue?.Title, message.Venue?.Address) : null;
        var attachments = Attachments(message);
        if (string.IsNullOrEmpty(text) && attachments.Count == 0 && location is null)
        {
            return TelegramInbound.Ignored($"the message holds nothing the bot reads ({message.Type})");
        }

        return new TelegramInbound(
            Message(update, message.Chat, sender, from, message.EditDate ?? message.Date) with
            {
                Text = text,
                DeepLinkPayload = deepLink,
                Attachments = attachments,
                Location = location,
            },
            IgnoredBecause: null,
            CallbackQueryId: null);
    }

    private async Task<TelegramInbound> MapCallbackQueryAsync(Update update, CallbackQuery query, CancellationToken cancellationToken)
    {
        if (query.From is null || string.IsNullOrEmpty(query.Id))
        {
            throw new InboundMessageRejectedException(["the callback query has no id or sender"]);
        }

        if (query.Message is not { Chat: not null } message)
        {
            return TelegramInbound.Ignored("the button is on an inline-mode message, not in a chat with the bot", query.Id);
        }

        if (IgnoredChat(message.Chat) is { } ignored)
        {
            return TelegramInbound.Ignored(ignored, query.Id);
        }

        if (string.IsNullOrEmpty(query.Data))
        {
            return TelegramInbound.Ignored("the callback query has no data (a game button)", query.Id);
        }

        var value = await _callbackData.DecodeAsync(query.Data, cancellationToken).ConfigureAwait(false);
        if (value is null)
        {
            return TelegramInbound.Ignored("the button's stored value is unknown to this bot", query.Id);
        }

        var title = message.ReplyMarkup?.InlineKeyboard.SelectMany(row => row).FirstOrDefault(button => button.CallbackData == query.Data)?.Text;
        var sender = Sender(query.From);
        return new TelegramInbound(
            // The press has no date of its own (the message's is when the bot sent it): it is now.
            Message(update, message.Chat, sender, query.From, _time.GetUtcNow().UtcDateTime) with { Text = title, Value = value },
            IgnoredBecause: null,
            query.Id);
    }

    private string? IgnoredChat(Chat chat) =>
        chat.Type == ChatType.Private || _options.Value.AllowGroups
            ? null
            : $"it comes from a {chat.Type} chat and Channels:Telegram:AllowGroups is false";

    private BotMessage Message(Update update, Chat chat, Participant sender, User from, DateTime date) => new()
    {
        Id = update.Id.ToString(CultureInfo.InvariantCulture),
        Channel = ChannelId.Telegram,
        Conversation = new ConversationAddress(_options.Value.BotId, chat.Id.ToString(CultureInfo.InvariantCulture)),
        Sender = sender,
        Locale = Locale(from.LanguageCode),
        Timestamp = new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc)),
        RawRepresentation = update,
    };

    private static Participant Sender(User from)
    {
        var name = string.Join(' ', new[] { from.FirstName, from.LastName }.Where(part => !string.IsNullOrWhiteSpace(part)));
        return new Participant(from.Id.ToString(CultureInfo.InvariantCulture), name.Length == 0 ? from.Username : name);
    }

    /// <summary>
    /// A contact the sender shared about themselves (Telegram's "share my phone number" sets <c>user_id</c> to the
    /// sender's id) becomes their verified phone number and the message text; anyone else's contact is only text.
    /// Telegram writes the number with or without '+', always with its country code.
    /// </summary>
    private static (Participant Sender, string Text) WithContact(Participant sender, User from, Contact contact)
    {
        var digits = contact.PhoneNumber.Trim();
        var international = digits.StartsWith('+') ? digits : "+" + digits;
        var valid = PhoneRecognizer.TryParse(international, "ZZ", out var e164);
        if (contact.UserId == from.Id && valid)
        {
            return (sender with { PhoneNumber = e164, PhoneNumberProvenance = IdentityProvenance.SharedContact }, e164);
        }

        var shown = valid ? e164 : digits;
        return (sender, string.IsNullOrWhiteSpace(contact.FirstName) ? shown : $"{shown} ({contact.FirstName.Trim()})");
    }

    private static List<Attachment> Attachments(Message message)
    {
        var attachments = new List<Attachment>();
        if (message.Photo is { Length: > 0 } sizes)
        {
            var largest = sizes.MaxBy(size => (long)size.Width * size.Height)!;
            attachments.Add(new Attachment("image/jpeg", TelegramFileReference.ToUrl(largest.FileId)));
        }

        if (message.Document is { } document)
        {
            attachments.Add(new Attachment(document.MimeType ?? "application/octet-stream", TelegramFileReference.ToUrl(document.FileId), document.FileName));
        }

        if (message.Video is { } video)
        {
            attachments.Add(new Attachment(video.MimeType ?? "video/mp4", TelegramFileReference.ToUrl(video.FileId), video.FileName));
        }

        if (message.Audio is { } audio)
        {
            attachments.Add(new Attachment(audio.MimeType ?? "audio/mpeg", TelegramFileReference.ToUrl(audio.FileId), audio.FileName));
        }

        if (message.Voice is { } voice)
        {
            attachments.Add(new Attachment(voice.MimeType ?? "audio/ogg", TelegramFileReference.ToUrl(voice.FileId)));
        }

        return attachments;
    }

    /// <summary>
    /// <c>/start</c>, <c>/start@bot</c>, with the deep-link parameter after a space (t.me/bot?start=PAYLOAD); the payload is
    /// null when there is none.
    /// </summary>
    private static bool IsStart(string text, out string? payload)
    {
        payload = null;
        var trimmed = text.Trim();
        if (!trimmed.StartsWith(StartCommand, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = trimmed[StartCommand.Length..];
        if (rest.Length > 0 && rest[0] == '@')
        {
            var space = rest.IndexOf(' ', StringComparison.Ordinal);
            rest = space < 0 ? string.Empty : rest[space..];
        }

        if (rest.Length > 0 && !char.IsWhiteSpace(rest[0]))
        {
            // "/starting" is text, not the command.
            return false;
        }

        payload = rest.Trim() is { Length: > 0 } value ? value : null;
        return true;
    }

    /// <summary>The user's IETF language tag when it is one .NET knows (Telegram sends what the client is set to); null otherwise.</summary>
    private static string? Locale(string? languageCode)
    {
        if (string.IsNullOrWhiteSpace(languageCode) || languageCode.Length > 35)
        {
            return null;
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(languageCode, predefinedOnly: true);
            return culture.Equals(CultureInfo.InvariantCulture) ? null : culture.Name;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
