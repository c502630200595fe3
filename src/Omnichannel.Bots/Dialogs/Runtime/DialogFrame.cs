namespace Omnichannel.Bots;

/// <summary>One dialog on the journey's stack: which dialog, at which step, its state and its prompt progress.</summary>
internal sealed class DialogFrame
{
    public DialogFrame(Dialog dialog, string step, object state)
    {
        Dialog = dialog;
        Step = step;
        State = state;
    }

    public Dialog Dialog { get; }

    public string Step { get; set; }

    public object State { get; }

    /// <summary>Failed answers to the current prompt (or form slot).</summary>
    public int Attempts { get; set; }

    /// <summary>The form slot the customer was last asked for.</summary>
    public string? Slot { get; set; }

    /// <summary>The form slots filled so far at the current step.</summary>
    public List<string> FilledSlots { get; } = [];

    /// <summary>The saved step no longer exists; the dialog starts again at its first step this turn.</summary>
    public bool Restarted { get; init; }

    public void MoveTo(string step)
    {
        Step = step;
        Attempts = 0;
        Slot = null;
        FilledSlots.Clear();
    }
}
