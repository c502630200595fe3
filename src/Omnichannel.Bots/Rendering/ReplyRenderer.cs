using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Rendering;

/// <summary>
/// Adapts one reply, written once in Markdown with choices and attachments, to what a channel can show, reading only
/// its <see cref="ChannelCapabilities"/>: choices become buttons or numbered options, the text is converted to the
/// channel's markup and split to its length limit, and attachments it cannot show become links. On a channel that
/// bills SMS segments the text is kept within the segment budget instead (<see cref="SegmentBudget"/>).
/// </summary>
public sealed class ReplyRenderer
{
    private const string BlockSeparator = "\n\n";

    /// <summary>
    /// Renders <paramref name="reply"/> for a channel with <paramref name="capabilities"/>. When the text is split, the
    /// first part keeps the location, the last carries the buttons and attachments, and the parts' ids are
    /// <c>{reply.Id}/1</c>, <c>{reply.Id}/2</c>, ...; a single message keeps <c>reply.Id</c>. A typing indicator is
    /// returned as is where the channel shows one and dropped elsewhere.
    /// </summary>
    /// <exception cref="ArgumentException"><see cref="ChannelCapabilities.MaxTextLength"/> is below 2.</exception>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "A service the runtime injects; callers hold an instance.")]
    public RenderedReply Render(BotMessage reply, ChannelCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(capabilities);
        if (reply.Kind == MessageKind.Typing)
        {
            return new(capabilities.SupportsTyping ? [reply] : [], OfferedChoices: null);
        }

        if (capabilities.MaxTextLength < TextSplitter.MinLength)
        {
            throw new ArgumentException(
                $"MaxTextLength must be at least {TextSplitter.MinLength}; got {capabilities.MaxTextLength}.", nameof(capabilities));
        }

        var choices = reply.Choices;
        var style = capabilities.StyleFor(choices);
        var asButtons = style is not null;
        var shown = reply.Attachments.Where(attachment => capabilities.Media.HasFlag(attachment.Kind)).ToList();
        var linked = reply.Attachments.Where(attachment => !capabilities.Media.HasFlag(attachment.Kind)).ToList();
        var trailer = JoinBlocks(LinkBlock(linked, capabilities.Markup), asButtons ? string.Empty : OptionsBlock(choices, capabilities.Markup));
        var texts = capabilities.Encoding == TextEncoding.SmsSegments
            ? SegmentBudget.Compose(reply.Text, trailer, reply.FullTextUrl, capabilities)
            : ComposeTexts(reply.Text, trailer, capabilities);
        IReadOnlyList<Choice> buttons = asButtons ? choices : [];

        if (texts.Count == 0 && buttons.Count == 0 && shown.Count == 0 && reply.Location is null)
        {
            return new([], OfferedChoices: null);
        }

        var offered = choices.Count == 0 ? null : new OfferedChoices(choices, Numbered: !asButtons);
        return new(ToMessages(reply with { ChoiceStyle = style ?? ChoiceStyle.Buttons }, texts, buttons, shown), offered);
    }

    /// <summary>The text parts: the converted reply text, then links and numbered options, kept in the last part if they fit.</summary>
    internal static List<string> ComposeTexts(string? text, string trailer, ChannelCapabilities capabilities)
    {
        var limit = capabilities.MaxTextLength;
        var parts = string.IsNullOrWhiteSpace(text)
            ? []
            : MarkupSplitter.SplitMarkdown(text.ReplaceLineEndings("\n"), limit, capabilities.Markup);
        if (trailer.Length == 0)
        {
            return parts;
        }

        if (parts.Count > 0 && parts[^1].Length + BlockSeparator.Length + trailer.Length <= limit)
        {
            parts[^1] = parts[^1] + BlockSeparator + trailer;
        }
        else
        {
            parts.AddRange(MarkupSplitter.SplitLiteral(trailer, limit, capabilities.Markup));
        }

        return parts;
    }

    private static List<BotMessage> ToMessages(
        BotMessage reply, List<string> texts, IReadOnlyList<Choice> buttons, IReadOnlyList<Attachment> attachments)
    {
        var count = Math.Max(texts.Count, 1);
        var messages = new List<BotMessage>(count);
        for (var i = 0; i < count; i++)
        {
            var isLast = i == count - 1;
            messages.Add(reply with
            {
                Id = count == 1 ? reply.Id : string.Create(CultureInfo.InvariantCulture, $"{reply.Id}/{i + 1}"),
                Text = i < texts.Count ? texts[i] : null,
                Choices = isLast ? buttons : [],
                Attachments = isLast ? attachments : [],
                Location = i == 0 ? reply.Location : null,
            });
        }

        return messages;
    }

    /// <summary>"1. Title" lines, one per choice.</summary>
    private static string OptionsBlock(IReadOnlyList<Choice> choices, TextMarkup markup)
    {
        var block = new StringBuilder();
        for (var i = 0; i < choices.Count; i++)
        {
            var title = MarkupConverter.EscapeLiteral(OneLine(choices[i].Title), markup);
            block.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? "\n" : string.Empty)}{i + 1}. {title}");
        }

        return block.ToString();
    }

    /// <summary>"Name: url" lines (just the url when there is no name), one per attachment.</summary>
    private static string LinkBlock(IReadOnlyList<Attachment> attachments, TextMarkup markup) =>
        string.Join('\n', attachments.Select(attachment => LinkLine(attachment, markup)));

    private static string LinkLine(Attachment attachment, TextMarkup markup)
    {
        var url = attachment.Url.IsAbsoluteUri ? attachment.Url.AbsoluteUri : attachment.Url.OriginalString;
        var shownUrl = markup == TextMarkup.Markdown ? url : MarkupConverter.EscapeLiteral(url, markup);
        return string.IsNullOrWhiteSpace(attachment.Name)
            ? shownUrl
            : $"{MarkupConverter.EscapeLiteral(OneLine(attachment.Name), markup)}: {shownUrl}";
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    private static string JoinBlocks(string first, string second) =>
        first.Length == 0 ? second : second.Length == 0 ? first : first + BlockSeparator + second;
}
