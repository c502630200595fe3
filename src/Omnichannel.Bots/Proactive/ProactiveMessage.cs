namespace Omnichannel.Bots;

/// <summary>
/// What a proactive message says: <see cref="Text"/> in Markdown (rendered for the channel), or an approved
/// <see cref="Template"/> whose <see cref="Text"/> is the template's wording as the transcript and the agents show it
/// (sent as is, never rendered or split).
/// </summary>
public sealed record ProactiveMessage
{
    /// <summary>The longest text (or template wording) a proactive message may carry; the renderer splits a long text for the channel.</summary>
    public const int MaxTextLength = 4000;

    public ProactiveMessage(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(text.Length, MaxTextLength, nameof(text));
        Text = text;
    }

    public string Text { get; }

    /// <summary>The approved template to send instead of <see cref="Text"/> (channels with <see cref="ChannelCapabilities.SupportsTemplates"/>).</summary>
    public MessageTemplate? Template { get; init; }

    /// <summary>
    /// The human agent who sends it (their customer-facing handle and name), so the agent's window applies
    /// (<see cref="ChannelCapabilities.HumanAgentReplyWindow"/>); null for the bot's own message.
    /// </summary>
    public Participant? Sender { get; init; }

    /// <summary>A template message: <paramref name="template"/>, shown in the transcript as <paramref name="previewText"/> (its wording with the parameters filled in).</summary>
    public static ProactiveMessage ForTemplate(MessageTemplate template, string previewText)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new ProactiveMessage(previewText) { Template = template };
    }
}
