namespace SupportBot.Dialogs;

public sealed class OrderStatusState
{
    public string? OrderNumber { get; set; }
}
