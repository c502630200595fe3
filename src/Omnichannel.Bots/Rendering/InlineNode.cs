namespace Omnichannel.Bots.Rendering;

/// <summary>
/// A piece of parsed Markdown inline content. <see cref="Start"/> and <see cref="End"/> locate its source, so a
/// splitter can keep a construct in one part.
/// </summary>
internal abstract record InlineNode(int Start, int End);

/// <summary>Literal text (also an escaped character, an unmatched delimiter, or a bare URL).</summary>
internal sealed record TextNode(int Start, int End, string Text) : InlineNode(Start, End);

/// <summary>A code span: its content is literal.</summary>
internal sealed record CodeNode(int Start, int End, string Code) : InlineNode(Start, End);

/// <summary>Bold, italic or strikethrough content.</summary>
internal sealed record EmphasisNode(int Start, int End, InlineStyle Style, IReadOnlyList<InlineNode> Children)
    : InlineNode(Start, End);

/// <summary>An inline link <c>[text](url)</c> (or image <c>![alt](url)</c>, shown as a link).</summary>
internal sealed record LinkNode(int Start, int End, IReadOnlyList<InlineNode> Children, string Url) : InlineNode(Start, End);

/// <summary>An autolink <c>&lt;https://example.com&gt;</c>.</summary>
internal sealed record AutolinkNode(int Start, int End, string Url) : InlineNode(Start, End);
