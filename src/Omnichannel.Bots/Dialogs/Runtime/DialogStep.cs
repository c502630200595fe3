namespace Omnichannel.Bots;

/// <summary>One step of a dialog as the runner drives it.</summary>
internal abstract class DialogStep
{
    protected DialogStep(string name)
    {
        Name = name;
    }

    public string Name { get; }

    /// <summary>The dialog reached this step.</summary>
    public abstract Task<StepResult> EnterAsync(StepContext context, CancellationToken cancellationToken);

    /// <summary>The customer answered while this step was waiting.</summary>
    public virtual Task<StepResult> ResumeAsync(StepContext context, CancellationToken cancellationToken)
    {
        context.Progress.MessageConsumed = true;
        return Task.FromResult(StepResult.Next);
    }

    /// <summary>A child dialog this step began has ended.</summary>
    public virtual StepResult ChildEnded(StepContext context, object childState, bool completed) => StepResult.Next;

    /// <summary>The question the step waits for an answer to (a prompt's or form slot's text); null when it asks none.</summary>
    public virtual string? WaitingQuestion(StepContext context) => null;

    /// <summary>Asks again what the step is waiting for (after help, or when a human hands the conversation back).</summary>
    public virtual Task RepromptAsync(StepContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
