namespace Omnichannel.Bots.Rendering;

/// <summary>The emphasis styles of the Markdown subset, as flags so a writer can tell which are already open.</summary>
[Flags]
internal enum InlineStyle
{
    None = 0,
    Bold = 1,
    Italic = 2,
    Strike = 4,
}
