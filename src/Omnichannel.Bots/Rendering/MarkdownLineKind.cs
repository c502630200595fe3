namespace Omnichannel.Bots.Rendering;

internal enum MarkdownLineKind
{
    Text,
    Heading,
    Bullet,
}
