namespace SupportBot.Dialogs;

public sealed class SupportState
{
    public bool Greeted { get; set; }

    public string? Topic { get; set; }
}
