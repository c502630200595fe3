namespace Omnichannel.Bots;

internal sealed class ChildStep<TState> : DialogStep, IChildStep
    where TState : class
{
    private readonly Type _dialogType;
    private readonly Action<TState, object>? _onCompleted;

    public ChildStep(string name, Type dialogType, Action<TState, object>? onCompleted)
        : base(name)
    {
        _dialogType = dialogType;
        _onCompleted = onCompleted;
    }

    public Type DialogType => _dialogType;

    public override Task<StepResult> EnterAsync(StepContext context, CancellationToken cancellationToken) =>
        Task.FromResult(StepResult.BeginType(_dialogType));

    public override StepResult ChildEnded(StepContext context, object childState, bool completed)
    {
        if (completed)
        {
            _onCompleted?.Invoke((TState)context.Frame.State, childState);
        }

        return StepResult.Next;
    }
}
