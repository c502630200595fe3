namespace Omnichannel.Bots;

/// <summary>
/// Declares a dialog's steps in order. Every step has a name that is unique in the dialog and stable across
/// releases: a customer's saved progress points at a step by name, so inserting a step never moves them.
/// </summary>
public sealed class DialogSteps<TState>
    where TState : class, new()
{
    private readonly string _dialogId;
    private readonly List<DialogStep> _steps = [];

    internal DialogSteps(string dialogId)
    {
        _dialogId = dialogId;
    }

    /// <summary>A step of your own code: reply, call your systems, then say what happens next.</summary>
    public DialogSteps<TState> Step(string name, Func<DialogContext<TState>, CancellationToken, Task<StepResult>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Add(new CodeStep<TState>(name, run));
    }

    /// <summary>Asks <paramref name="prompt"/>, re-asks until the answer is recognized and valid, then stores it with <paramref name="assign"/>.</summary>
    public DialogSteps<TState> Prompt<T>(string name, Prompt<T> prompt, Action<TState, T> assign)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return Prompt(name, _ => prompt, assign);
    }

    /// <summary>Like <see cref="Prompt{T}(string, Prompt{T}, Action{TState, T})"/>, with a prompt built from the state (for example to name the order).</summary>
    public DialogSteps<TState> Prompt<T>(string name, Func<TState, Prompt<T>> prompt, Action<TState, T> assign)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return PromptWith(name, d => prompt(d.State), assign);
    }

    /// <summary>
    /// Like <see cref="Prompt{T}(string, Func{TState, Prompt{T}}, Action{TState, T})"/>, with a prompt built from the
    /// step's context: the state, the turn, and <see cref="DialogContext{TState}.Today"/> (today in the bot's time
    /// zone), for example <c>.PromptWith("pickup", d =&gt; Prompts.Date("Which day?").Between(d.Today.AddDays(1), d.Today.AddDays(14)), ...)</c>.
    /// </summary>
    public DialogSteps<TState> PromptWith<T>(string name, Func<DialogContext<TState>, Prompt<T>> prompt, Action<TState, T> assign)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(assign);
        return Add(new PromptStep<TState, T>(name, prompt, assign));
    }

    /// <summary>
    /// Asks the prompt declared just before only when <paramref name="ask"/> is true for the state, and skips it when
    /// the value is already known: <c>.Prompt("phone", Prompts.Phone("..."), (s, v) =&gt; s.Phone = v).When(s =&gt; s.Phone is null)</c>.
    /// </summary>
    public DialogSteps<TState> When(Func<TState, bool> ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        if (_steps.Count == 0 || _steps[^1] is not IConditionalStep<TState> step)
        {
            throw new DialogDefinitionException($"Dialog '{_dialogId}': When(...) follows a Prompt(...) step.");
        }

        if (step.Ask is not null)
        {
            throw new DialogDefinitionException($"Dialog '{_dialogId}': step '{_steps[^1].Name}' has When(...) twice.");
        }

        step.Ask = ask;
        return this;
    }

    /// <summary>
    /// Fills several slots in any order: whatever the message that reached the form already says ("my order 12345
    /// hasn't arrived") fills its slot, then the form asks only for what is missing, and any answer may fill more than one.
    /// </summary>
    public DialogSteps<TState> Form(string name, Action<FormSlots<TState>> slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        var form = new FormSlots<TState>();
        slots(form);
        return Add(new FormStep<TState>(name, form.Build(_dialogId, name)));
    }

    /// <summary>Runs the child dialog <typeparamref name="TDialog"/>; this dialog continues with the next step when it ends.</summary>
    public DialogSteps<TState> Child<TDialog>(string name)
        where TDialog : Dialog => Add(new ChildStep<TState>(name, typeof(TDialog), onCompleted: null));

    /// <summary>Runs the child dialog and, when it completes, hands its final state to <paramref name="onCompleted"/>.</summary>
    public DialogSteps<TState> Child<TDialog, TChildState>(string name, Action<TState, TChildState> onCompleted)
        where TDialog : Dialog<TChildState>
        where TChildState : class, new()
    {
        ArgumentNullException.ThrowIfNull(onCompleted);
        return Add(new ChildStep<TState>(name, typeof(TDialog), (parent, child) => onCompleted(parent, (TChildState)child)));
    }

    internal DialogDefinition Build()
    {
        if (_steps.Count == 0)
        {
            throw new DialogDefinitionException($"Dialog '{_dialogId}' declares no steps.");
        }

        return new DialogDefinition(_dialogId, _steps);
    }

    private DialogSteps<TState> Add(DialogStep step)
    {
        if (!DialogIds.IsValid(step.Name))
        {
            throw new DialogDefinitionException($"Dialog '{_dialogId}': step name '{step.Name}' must be 1 to 64 letters, digits, '-', '_' or '.'.");
        }

        if (_steps.Exists(s => s.Name == step.Name))
        {
            throw new DialogDefinitionException($"Dialog '{_dialogId}' declares step '{step.Name}' twice.");
        }

        _steps.Add(step);
        return this;
    }
}
