namespace Omnichannel.Bots;

internal sealed class FormSlot<TState, T> : FormSlot<TState>
    where TState : class
{
    private readonly Func<DialogContext<TState>, Prompt<T>> _prompt;
    private readonly Action<TState, T> _assign;

    public FormSlot(string name, Func<DialogContext<TState>, Prompt<T>> prompt, Action<TState, T> assign, Func<TState, bool>? isFilled)
        : base(name, isFilled)
    {
        _prompt = prompt;
        _assign = assign;
    }

    public override async Task<SlotResult> AnswerAsync(StepContext context, CancellationToken cancellationToken)
    {
        var prompt = PromptFor(context);
        var recognition = await prompt.RecognizeAsync(context.Input, cancellationToken).ConfigureAwait(false);
        if (!recognition.Succeeded)
        {
            return SlotResult.Refused(recognition.Reason!);
        }

        Fill(context.Frame, recognition.Value);
        var used = prompt.Extract(context.Input)
            .Where(r => EqualityComparer<T>.Default.Equals(r.Value, recognition.Value))
            .Select(r => new Range(r.Start, r.Start + r.Length))
            .ToList();
        return SlotResult.FilledFrom(used);
    }

    public override async Task<SlotResult> ExtractAsync(StepContext context, string text, CancellationToken cancellationToken)
    {
        string? firstReason = null;
        var prompt = PromptFor(context);
        foreach (var candidate in prompt.Extract(context.Input with { Text = text, Value = null }))
        {
            var reason = await prompt.ValidateValueAsync(candidate.Value, cancellationToken).ConfigureAwait(false);
            if (reason is null)
            {
                Fill(context.Frame, candidate.Value);
                return SlotResult.FilledFrom([new Range(candidate.Start, candidate.Start + candidate.Length)]);
            }

            firstReason ??= reason;
        }

        return firstReason is null ? SlotResult.Nothing : SlotResult.Refused(firstReason);
    }

    public override string Question(StepContext context) => PromptFor(context).Text;

    public override Task AskAsync(StepContext context, string? reason, CancellationToken cancellationToken) =>
        PromptAsking.AskAsync(context, PromptFor(context), reason, cancellationToken);

    public override Task<StepResult> FailAsync(StepContext context, string reason, CancellationToken cancellationToken) =>
        PromptAsking.FailAsync(context, PromptFor(context), reason, cancellationToken);

    private Prompt<T> PromptFor(StepContext context) =>
        _prompt(context.For<TState>()) ?? throw new InvalidOperationException($"Form slot '{Name}' built no prompt.");

    private void Fill(DialogFrame frame, T value)
    {
        _assign((TState)frame.State, value);
        frame.FilledSlots.Add(Name);
    }
}
