namespace Omnichannel.Bots;

public enum MessageKind
{
    /// <summary>Text, attachments, a location or choices.</summary>
    Message,

    /// <summary>A typing indicator; dropped on channels that cannot show one.</summary>
    Typing,
}
