namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// An internal link found in an article's Markdown: a relative link to another <c>.md</c> file of the knowledge folder
/// (or a <c>#fragment</c> of the same file), checked by <see cref="KnowledgeSetValidator"/>.
/// </summary>
/// <param name="Href">The link as written (<c>track-an-order.md#by-email</c>).</param>
/// <param name="TargetFile">The file it points to, relative to the knowledge folder with '/' separators.</param>
/// <param name="Fragment">The heading anchor after <c>#</c>, or null.</param>
/// <param name="Line">The 1-based line of the link in its file.</param>
public sealed record KnowledgeLink(string Href, string TargetFile, string? Fragment, int Line);
