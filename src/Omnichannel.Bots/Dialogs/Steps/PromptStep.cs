namespace Omnichannel.Bots;

internal sealed class PromptStep<TState, T> : DialogStep, IConditionalStep<TState>
    where TState : class
{
    private readonly Func<DialogContext<TState>, Prompt<T>> _prompt;
    private readonly Action<TState, T> _assign;

    public PromptStep(string name, Func<DialogContext<TState>, Prompt<T>> prompt, Action<TState, T> assign)
        : base(name)
    {
        _prompt = prompt;
        _assign = assign;
    }

    /// <summary>Set by <c>.When(...)</c>: the prompt is asked only when this is true for the state; otherwise the step is skipped.</summary>
    public Func<TState, bool>? Ask { get; set; }

    public override async Task<StepResult> EnterAsync(StepContext context, CancellationToken cancellationToken)
    {
        if (Ask is { } ask && !ask((TState)context.Frame.State))
        {
            return StepResult.Next;
        }

        var prompt = PromptFor(context);
        if (prompt.AnswersFromCurrentMessage && !context.Progress.MessageConsumed)
        {
            var early = await prompt.RecognizeAsync(context.Input, cancellationToken).ConfigureAwait(false);
            if (early.Succeeded)
            {
                context.Progress.MessageConsumed = true;
                _assign((TState)context.Frame.State, early.Value);
                SlotActivity.NoteGiven(context.Turn, Name);
                return StepResult.Next;
            }
        }

        SlotActivity.NoteAsked(context.Turn, Name);
        await PromptAsking.AskAsync(context, prompt, reason: null, cancellationToken).ConfigureAwait(false);
        return StepResult.Wait;
    }

    public override async Task<StepResult> ResumeAsync(StepContext context, CancellationToken cancellationToken)
    {
        context.Progress.MessageConsumed = true;
        var prompt = PromptFor(context);
        var recognition = await prompt.RecognizeAsync(context.Input, cancellationToken).ConfigureAwait(false);
        if (!recognition.Succeeded)
        {
            return await PromptAsking.FailAsync(context, prompt, recognition.Reason!, cancellationToken).ConfigureAwait(false);
        }

        _assign((TState)context.Frame.State, recognition.Value);
        SlotActivity.NoteGiven(context.Turn, Name);
        return StepResult.Next;
    }

    public override string? WaitingQuestion(StepContext context) => PromptFor(context).Text;

    public override Task RepromptAsync(StepContext context, CancellationToken cancellationToken) =>
        PromptAsking.AskAsync(context, PromptFor(context), reason: null, cancellationToken);

    private Prompt<T> PromptFor(StepContext context) =>
        _prompt(context.For<TState>()) ?? throw new InvalidOperationException($"Step '{Name}' built no prompt.");
}
