using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Adapters.Meta;

namespace Omnichannel.Bots.Adapters.Messenger;

/// <summary>
/// Sends what the outbox holds for a Messenger chat through the Send API (<see cref="MessengerSendBody"/>), with the page
/// token as the bearer. The runtime has rendered it for <see cref="ChannelProfiles.Messenger"/> (plain text of at most
/// 2,000 characters; choices as buttons only when there are at most 13 titles of at most 20), so the text goes as it
/// is. One Send API call carries one thing, so a message goes as several in order: a location (as a map link, the Send
/// API has none), the text, then each attachment by URL; the choices ride on the last one as quick replies, or, with
/// <see cref="MessengerOptions.PersistentButtons"/> and when they fit (3 choices, 640 characters), the text and choices
/// go as the button template. Typing is the sender action <c>typing_on</c>. The receipt is the last call's
/// <c>message_id</c>. Pacing is the outbox's; this sends at once and never retries: failures go back as
/// <see cref="ChannelSendException"/> (<see cref="GraphApiErrors"/>).
/// </summary>
internal sealed class MessengerChannelAdapter : ChannelAdapter
{
    private const string TokenSetting = MessengerOptions.SectionName + ":PageAccessToken";
    private const string MessagesPath = "me/messages";

    private readonly GraphApi _api;
    private readonly IOptions<MessengerOptions> _options;

    public MessengerChannelAdapter(GraphApi api, IOptions<MessengerOptions> options)
    {
        _api = api;
        _options = options;
    }

    public override ChannelProfile Profile => ChannelProfiles.Messenger;

    public override async Task<SendReceipt> SendAsync(BotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        EnsureEnabled();
        if (message.Kind == MessageKind.Typing)
        {
            await SendSenderActionAsync(message.Conversation.Id, "typing_on", cancellationToken).ConfigureAwait(false);
            return new SendReceipt(null);
        }

        if (message.Window == SendWindow.HumanAgent && message.Sender is null)
        {
            throw ChannelSendException.ReplyWindowClosed(
                $"Outbound message '{message.Id}' is the bot's own, and only a human agent may reply after Messenger's 24-hour window (the HUMAN_AGENT tag); nothing was sent.");
        }

        var bodies = Bodies(message, _options.Value.PersistentButtons);
        string? messageId = null;
        foreach (var body in bodies)
        {
            using var answer = await PostAsync(body, cancellationToken).ConfigureAwait(false);
            messageId = answer.RootElement.TryGetProperty("message_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        }

        return new SendReceipt(messageId);
    }

    /// <summary>Shows <paramref name="action"/> (<c>typing_on</c>, <c>mark_seen</c>) in the chat with <paramref name="psid"/>.</summary>
    public async Task SendSenderActionAsync(string psid, string action, CancellationToken cancellationToken)
    {
        EnsureEnabled();
        using var answer = await PostAsync(MessengerSendBody.SenderAction(psid, action), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The Send API calls for <paramref name="message"/>, in order.</summary>
    internal static List<JsonObject> Bodies(BotMessage message, bool persistentButtons)
    {
        var choices = message.Choices;
        var text = message.Text;
        var bodies = new List<JsonObject>();
        if (message.Location is { } location)
        {
            bodies.Add(MessengerSendBody.Text(message, MessengerSendBody.LocationText(location)));
        }

        var asTemplate = persistentButtons && choices.Count > 0 && !string.IsNullOrEmpty(text)
            && text.Length <= MessengerSendBody.MaxTemplateText && MessengerSendBody.ChoiceProblem(choices, MessengerSendBody.MaxTemplateButtons) is null;
        if (asTemplate)
        {
            bodies.Add(MessengerSendBody.ButtonTemplate(message, text!));
        }
        else if (!string.IsNullOrEmpty(text))
        {
            bodies.Add(MessengerSendBody.Text(message, text));
        }

        bodies.AddRange(message.Attachments.Select(attachment => MessengerSendBody.Attachment(message, attachment)));
        if (bodies.Count == 0)
        {
            throw new ChannelSendException($"Outbound message '{message.Id}' has nothing Messenger can show (no text, attachment or location).", isTransient: false);
        }

        if (choices.Count > 0 && !asTemplate)
        {
            if (MessengerSendBody.ChoiceProblem(choices, MessengerSendBody.MaxQuickReplies) is { } problem)
            {
                throw new ChannelSendException($"Outbound message '{message.Id}' cannot go as Messenger quick replies: {problem}.", isTransient: false);
            }

            MessengerSendBody.WithQuickReplies(bodies[^1], choices);
        }

        return bodies;
    }

    private async Task<JsonDocument> PostAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var options = _options.Value;
        try
        {
            return await _api.PostAsync(options, MessagesPath, options.PageAccessToken!, JsonSerializer.SerializeToUtf8Bytes(body), cancellationToken).ConfigureAwait(false);
        }
        catch (GraphApiException ex)
        {
            throw GraphApiErrors.ToSendException(ex, "Messenger", TokenSetting);
        }
    }

    private void EnsureEnabled()
    {
        if (!_options.Value.Enabled)
        {
            throw new ChannelSendException("Messenger is not enabled here (Channels:Messenger:Enabled is false); nothing was sent.", isTransient: false);
        }
    }
}
