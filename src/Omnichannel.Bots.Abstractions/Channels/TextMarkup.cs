namespace Omnichannel.Bots;

/// <summary>What formatting a channel renders. Replies are written in Markdown and converted to this.</summary>
public enum TextMarkup
{
    /// <summary>No formatting: emphasis is dropped, links become "text (url)".</summary>
    Plain,

    /// <summary>CommonMark, as web chat renders it.</summary>
    Markdown,

    /// <summary>WhatsApp's own: *bold*, _italic_, ~strike~, ```code```.</summary>
    WhatsApp,

    /// <summary>Telegram's HTML parse mode: &lt;b&gt;, &lt;i&gt;, &lt;a href&gt;, &lt;code&gt;.</summary>
    TelegramHtml,
}
