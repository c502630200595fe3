namespace Omnichannel.Bots;

/// <summary>What a code step tells the dialog to do next.</summary>
public sealed class StepResult
{
    private StepResult(StepResultKind kind, string? target = null, Type? dialogType = null)
    {
        Kind = kind;
        Target = target;
        DialogType = dialogType;
    }

    /// <summary>Go on to the next step now, in the same turn (the end of the dialog after the last step).</summary>
    public static StepResult Next { get; } = new(StepResultKind.Next);

    /// <summary>End the turn; the customer's next message runs the following step (read it from <c>d.Turn.Message</c>).</summary>
    public static StepResult Wait { get; } = new(StepResultKind.Wait);

    /// <summary>End this dialog; its parent (if any) continues after the step that began it.</summary>
    public static StepResult End { get; } = new(StepResultKind.End);

    internal StepResultKind Kind { get; }

    internal string? Target { get; }

    internal Type? DialogType { get; }

    /// <summary>Go to the named step of this dialog now.</summary>
    public static StepResult GoTo(string step)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        return new(StepResultKind.GoTo, step);
    }

    /// <summary>Begin a child dialog by id; when it ends, this dialog continues with the step after this one.</summary>
    public static StepResult Begin(string dialogId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogId);
        return new(StepResultKind.Begin, dialogId);
    }

    /// <summary>Begin a child dialog by type; when it ends, this dialog continues with the step after this one.</summary>
    public static StepResult Begin<TDialog>()
        where TDialog : Dialog => BeginType(typeof(TDialog));

    internal static StepResult BeginType(Type dialogType) => new(StepResultKind.Begin, dialogType: dialogType);

    internal static StepResult Abandon { get; } = new(StepResultKind.Abandon);
}
