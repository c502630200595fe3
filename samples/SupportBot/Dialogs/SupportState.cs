namespace SupportBot.Dialogs;

public sealed class SupportState
{
    public bool Greeted { get; set; }

    public string? Topic { get; set; }

    /// <summary>The knowledge dialog was begun from the menu; when it ends, the message it handed back is routed.</summary>
    public bool AskedKnowledge { get; set; }
}
