using System.Text;

namespace Omnichannel.Bots.Rendering;

/// <summary>
/// Writes parsed inline Markdown in a channel's markup. A style already open (bold inside a heading) is not opened
/// again, because WhatsApp cannot nest a marker inside itself.
/// </summary>
internal static class InlineWriter
{
    public static void Write(StringBuilder output, IReadOnlyList<InlineNode> nodes, TextMarkup target, InlineStyle open)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    AppendText(output, text.Text, target);
                    break;
                case CodeNode code:
                    WriteCode(output, code.Code, target);
                    break;
                case EmphasisNode emphasis:
                    WriteEmphasis(output, emphasis, target, open);
                    break;
                case LinkNode link:
                    WriteLink(output, link, target, open);
                    break;
                case AutolinkNode autolink:
                    WriteAutolink(output, autolink.Url, target);
                    break;
            }
        }
    }

    /// <summary>Writes text that is shown as is: escaped for HTML, unchanged otherwise.</summary>
    public static void AppendText(StringBuilder output, string text, TextMarkup target)
    {
        if (target == TextMarkup.TelegramHtml)
        {
            AppendHtmlEscaped(output, text, inAttribute: false);
        }
        else
        {
            output.Append(text);
        }
    }

    /// <summary>Writes <paramref name="nodes"/> inside a style of the channel's (a heading's bold).</summary>
    public static void WriteStyled(StringBuilder output, IReadOnlyList<InlineNode> nodes, TextMarkup target, InlineStyle style, InlineStyle open)
    {
        if (open.HasFlag(style) || target == TextMarkup.Plain)
        {
            Write(output, nodes, target, open);
            return;
        }

        var (before, after) = Markers(style, target);
        output.Append(before);
        Write(output, nodes, target, open | style);
        output.Append(after);
    }

    private static void WriteEmphasis(StringBuilder output, EmphasisNode emphasis, TextMarkup target, InlineStyle open) =>
        WriteStyled(output, emphasis.Children, target, emphasis.Style, open);

    private static void WriteCode(StringBuilder output, string code, TextMarkup target)
    {
        switch (target)
        {
            case TextMarkup.WhatsApp:
                output.Append("```").Append(code).Append("```");
                break;
            case TextMarkup.TelegramHtml:
                output.Append("<code>");
                AppendHtmlEscaped(output, code, inAttribute: false);
                output.Append("</code>");
                break;
            default:
                output.Append(code);
                break;
        }
    }

    private static void WriteLink(StringBuilder output, LinkNode link, TextMarkup target, InlineStyle open)
    {
        var shown = new StringBuilder();
        Write(shown, link.Children, target, open);
        if (target == TextMarkup.TelegramHtml && IsTelegramLink(link.Url))
        {
            WriteAnchor(output, link.Url, shown.Length > 0 ? shown.ToString() : null);
            return;
        }

        var plain = new StringBuilder();
        Write(plain, link.Children, TextMarkup.Plain, open);
        if (plain.Length == 0 || string.Equals(plain.ToString().Trim(), link.Url, StringComparison.Ordinal))
        {
            AppendText(output, link.Url, target);
        }
        else
        {
            output.Append(shown).Append(" (");
            AppendText(output, link.Url, target);
            output.Append(')');
        }
    }

    private static void WriteAutolink(StringBuilder output, string url, TextMarkup target)
    {
        if (target == TextMarkup.TelegramHtml && IsTelegramLink(url))
        {
            WriteAnchor(output, url, shownHtml: null);
        }
        else
        {
            AppendText(output, url, target);
        }
    }

    /// <summary>
    /// True for a link Telegram accepts in <c>&lt;a href&gt;</c>: an absolute http(s) URL with a host, or a <c>tg:</c>
    /// link. Telegram refuses the whole message (400 "URL host is empty") for a relative link or another scheme, so
    /// those are written as text instead.
    /// </summary>
    private static bool IsTelegramLink(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (((uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0) || uri.Scheme == "tg");

    private static void WriteAnchor(StringBuilder output, string url, string? shownHtml)
    {
        output.Append("<a href=\"");
        AppendHtmlEscaped(output, url, inAttribute: true);
        output.Append("\">");
        if (shownHtml is null)
        {
            AppendHtmlEscaped(output, url, inAttribute: false);
        }
        else
        {
            output.Append(shownHtml);
        }

        output.Append("</a>");
    }

    private static (string Before, string After) Markers(InlineStyle style, TextMarkup target) => (target, style) switch
    {
        (TextMarkup.WhatsApp, InlineStyle.Bold) => ("*", "*"),
        (TextMarkup.WhatsApp, InlineStyle.Italic) => ("_", "_"),
        (TextMarkup.WhatsApp, InlineStyle.Strike) => ("~", "~"),
        (TextMarkup.TelegramHtml, InlineStyle.Bold) => ("<b>", "</b>"),
        (TextMarkup.TelegramHtml, InlineStyle.Italic) => ("<i>", "</i>"),
        (TextMarkup.TelegramHtml, InlineStyle.Strike) => ("<s>", "</s>"),
        _ => (string.Empty, string.Empty),
    };

    private static void AppendHtmlEscaped(StringBuilder output, string text, bool inAttribute)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => output.Append("&amp;"),
                '<' => output.Append("&lt;"),
                '>' => output.Append("&gt;"),
                '"' when inAttribute => output.Append("&quot;"),
                _ => output.Append(c),
            };
        }
    }
}
