namespace Omnichannel.Bots;

internal sealed class CodeStep<TState> : DialogStep
    where TState : class
{
    private readonly Func<DialogContext<TState>, CancellationToken, Task<StepResult>> _run;

    public CodeStep(string name, Func<DialogContext<TState>, CancellationToken, Task<StepResult>> run)
        : base(name)
    {
        _run = run;
    }

    public override async Task<StepResult> EnterAsync(StepContext context, CancellationToken cancellationToken)
    {
        var result = await _run(context.For<TState>(), cancellationToken).ConfigureAwait(false);
        return result ?? throw new InvalidOperationException($"Step '{Name}' returned no StepResult.");
    }
}
