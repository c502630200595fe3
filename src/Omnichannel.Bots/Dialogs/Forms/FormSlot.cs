namespace Omnichannel.Bots;

/// <summary>One slot of a form, as the form step drives it.</summary>
internal abstract class FormSlot<TState>
    where TState : class
{
    protected FormSlot(string name, Func<TState, bool>? isFilled)
    {
        Name = name;
        IsKnown = isFilled;
    }

    public string Name { get; }

    private Func<TState, bool>? IsKnown { get; }

    public bool IsFilled(DialogFrame frame) =>
        frame.FilledSlots.Contains(Name) || (IsKnown?.Invoke((TState)frame.State) ?? false);

    /// <summary>Reads the customer's answer to this slot's question; on success, also says which parts of the text it used.</summary>
    public abstract Task<SlotResult> AnswerAsync(StepContext context, CancellationToken cancellationToken);

    /// <summary>Looks for this slot's value inside free text; the first valid value found fills the slot.</summary>
    public abstract Task<SlotResult> ExtractAsync(StepContext context, string text, CancellationToken cancellationToken);

    /// <summary>The slot's question as its prompt asks it now.</summary>
    public abstract string Question(StepContext context);

    public abstract Task AskAsync(StepContext context, string? reason, CancellationToken cancellationToken);

    public abstract Task<StepResult> FailAsync(StepContext context, string reason, CancellationToken cancellationToken);
}
