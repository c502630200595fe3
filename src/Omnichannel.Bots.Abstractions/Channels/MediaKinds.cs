namespace Omnichannel.Bots;

[Flags]
public enum MediaKinds
{
    None = 0,
    Image = 1,
    Audio = 2,
    Video = 4,
    File = 8,
    All = Image | Audio | Video | File,
}
