using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Adapters.Meta;

namespace Omnichannel.Bots.Adapters.WhatsApp;

/// <summary>
/// Sends what the outbox holds for a WhatsApp conversation through <c>POST /{version}/{phone-number-id}/messages</c>
/// (<see cref="WhatsAppPayloads"/>). The runtime has rendered it for <see cref="ChannelProfiles.WhatsApp"/> (WhatsApp
/// markup, at most 4,096 characters, choices as buttons or a list only when they fit: <see cref="BotMessage.ChoiceStyle"/>).
/// A template (<see cref="BotMessage.Template"/>) goes alone, as a template. Otherwise a location, then the attachments
/// by link, then the text, so the buttons sit under everything; a text with one captioned kind of attachment and no
/// choices goes as that media's caption. Choices become reply buttons or a one-section list (opened by
/// <see cref="WhatsAppOptions.ListButtonLabel"/>), each id the choice's value; an interactive body holds at most 1,024
/// characters, so a longer text goes first as a text message, except its last paragraph, which becomes the body when it
/// fits (else the body is the list label). The receipt is the last message's <c>wamid</c>. Pacing is the outbox's; this
/// sends at once and never retries: a refusal goes back through <see cref="GraphApiErrors.ToSendException"/>.
/// </summary>
internal sealed class WhatsAppChannelAdapter : ChannelAdapter
{
    public const string TokenSetting = WhatsAppOptions.SectionName + ":AccessToken";

    private readonly GraphApi _graph;
    private readonly IOptions<WhatsAppOptions> _options;

    public WhatsAppChannelAdapter(GraphApi graph, IOptions<WhatsAppOptions> options)
    {
        _graph = graph;
        _options = options;
    }

    public override ChannelProfile Profile => ChannelProfiles.WhatsApp;

    public override async Task<SendReceipt> SendAsync(BotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var options = EnabledOptions();
        if (message.Kind == MessageKind.Typing)
        {
            // WhatsApp's typing indicator hangs on a received message: the turn observer shows it (MarkReadAsync).
            return new SendReceipt(null);
        }

        var to = message.Conversation.Id;
        var bodies = message.Template is { } template ? [WhatsAppPayloads.Template(to, template)] : Bodies(message, to, options);
        if (bodies.Count == 0)
        {
            throw new ChannelSendException($"Outbound message '{message.Id}' has nothing WhatsApp can show (no text, attachment, location or template).", isTransient: false);
        }

        string? wamid = null;
        foreach (var body in bodies)
        {
            using var answer = await PostAsync(options, body, cancellationToken).ConfigureAwait(false);
            wamid = MessageId(answer);
        }

        return new SendReceipt(wamid);
    }

    /// <summary>Marks <paramref name="messageId"/> (a customer's wamid) read and shows "typing…" in its chat.</summary>
    public async Task MarkReadAsync(string messageId, CancellationToken cancellationToken)
    {
        using var _ = await PostAsync(EnabledOptions(), WhatsAppPayloads.ReadWithTyping(messageId), cancellationToken).ConfigureAwait(false);
    }

    private WhatsAppOptions EnabledOptions()
    {
        var options = _options.Value;
        return options.Enabled
            ? options
            : throw new ChannelSendException("WhatsApp is not enabled here (Channels:WhatsApp:Enabled is false); nothing was sent.", isTransient: false);
    }

    private async Task<JsonDocument> PostAsync(WhatsAppOptions options, JsonObject body, CancellationToken cancellationToken)
    {
        try
        {
            return await _graph.PostAsync(options, $"{options.PhoneNumberId}/messages", options.AccessToken!, JsonSerializer.SerializeToUtf8Bytes(body), cancellationToken).ConfigureAwait(false);
        }
        catch (GraphApiException ex)
        {
            throw GraphApiErrors.ToSendException(ex, "WhatsApp", TokenSetting);
        }
    }

    private static List<JsonObject> Bodies(BotMessage message, string to, WhatsAppOptions options)
    {
        var bodies = new List<JsonObject>();
        if (message.Location is { } location)
        {
            bodies.Add(WhatsAppPayloads.Location(to, location));
        }

        var text = string.IsNullOrEmpty(message.Text) ? null : message.Text;
        var captioned = text is not null && message.Choices.Count == 0 && message.Attachments.Count == 1
            && WhatsAppPayloads.TakesCaption(message.Attachments[0]) && text.Length <= WhatsAppPayloads.MaxCaption;
        foreach (var attachment in message.Attachments)
        {
            bodies.Add(WhatsAppPayloads.Media(to, attachment, captioned ? text : null));
        }

        if (message.Choices.Count > 0)
        {
            bodies.AddRange(Interactive(message, to, text, options));
        }
        else if (text is not null && !captioned)
        {
            bodies.Add(WhatsAppPayloads.Text(to, text));
        }

        return bodies;
    }

    /// <summary>The choices as buttons or a list, after a text message when the text is longer than an interactive body.</summary>
    private static IEnumerable<JsonObject> Interactive(BotMessage message, string to, string? text, WhatsAppOptions options)
    {
        var label = options.ListButtonLabel.Trim();
        var body = text ?? label;
        if (body.Length > WhatsAppPayloads.MaxInteractiveBody)
        {
            var split = body.LastIndexOf("\n\n", StringComparison.Ordinal);
            var tail = split > 0 ? body[(split + 2)..].Trim() : string.Empty;
            var fits = tail.Length is > 0 and <= WhatsAppPayloads.MaxInteractiveBody;
            yield return WhatsAppPayloads.Text(to, fits ? body[..split].TrimEnd() : body);
            body = fits ? tail : label;
        }

        var choices = message.Choices;
        var capabilities = ChannelProfiles.WhatsApp.Capabilities;
        if (message.ChoiceStyle == ChoiceStyle.List)
        {
            Check(message, capabilities.ChoiceList!.MaxRows, capabilities.ChoiceList.MaxTitleLength, WhatsAppPayloads.MaxRowId, "a list");
            yield return WhatsAppPayloads.List(to, body, label, choices);
        }
        else
        {
            Check(message, capabilities.MaxButtons, capabilities.MaxButtonTitleLength, WhatsAppPayloads.MaxButtonId, "reply buttons");
            yield return WhatsAppPayloads.Buttons(to, body, choices);
        }
    }

    /// <summary>A permanent failure when the choices exceed what WhatsApp takes (the renderer keeps them within it, so this is a caller's mistake).</summary>
    private static void Check(BotMessage message, int maxCount, int maxTitle, int maxId, string shape)
    {
        var choices = message.Choices;
        if (choices.Count > maxCount || choices.Any(c => c.Title.Length > maxTitle || c.Value.Length > maxId || c.Value.Length == 0))
        {
            throw new ChannelSendException(
                string.Create(CultureInfo.InvariantCulture, $"Outbound message '{message.Id}' has {choices.Count} choices that do not fit WhatsApp's {shape} (at most {maxCount}, titles up to {maxTitle} characters, values 1 to {maxId}); render it with ChannelProfiles.WhatsApp."),
                isTransient: false);
        }
    }

    /// <summary>The sent message's wamid (<c>messages[0].id</c>); null for an answer without one (a read receipt).</summary>
    private static string? MessageId(JsonDocument answer) =>
        answer.RootElement.ValueKind == JsonValueKind.Object
        && answer.RootElement.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array && messages.GetArrayLength() > 0
            ? WhatsAppMessageMapper.Text(messages[0], "id")
            : null;
}
