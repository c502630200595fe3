namespace SupportBot.Dialogs;

public sealed class ReturnsState
{
    public string? OrderNumber { get; set; }

    public string? Reason { get; set; }

    public int Items { get; set; }

    public int ItemsOnOrder { get; set; }

    public DateOnly PickupOn { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public bool Confirmed { get; set; }
}
