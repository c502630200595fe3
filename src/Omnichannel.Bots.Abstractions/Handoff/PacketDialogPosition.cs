namespace Omnichannel.Bots.Handoff;

/// <summary>Where the customer was: the dialog (and the dialogs it was started from, outermost first) and the step's name.</summary>
public sealed record PacketDialogPosition(string Dialog, string Step)
{
    public IReadOnlyList<string> Stack { get; init; } = [];
}
