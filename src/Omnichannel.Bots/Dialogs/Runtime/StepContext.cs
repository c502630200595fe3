namespace Omnichannel.Bots;

/// <summary>What a step needs from the runner: the turn, its frame, the bot's words and how to read answers.</summary>
internal sealed class StepContext
{
    public StepContext(TurnContext turn, DialogFrame frame, DialogTexts texts, PromptInput input, TurnProgress progress)
    {
        Turn = turn;
        Frame = frame;
        Texts = texts;
        Input = input;
        Progress = progress;
    }

    public TurnContext Turn { get; }

    public DialogFrame Frame { get; }

    public DialogTexts Texts { get; }

    /// <summary>The customer's message as prompts read it.</summary>
    public PromptInput Input { get; }

    public TurnProgress Progress { get; }

    /// <summary>What a code step or a prompt factory of a <typeparamref name="TState"/> dialog sees of this step.</summary>
    public DialogContext<TState> For<TState>()
        where TState : class => new(Turn, (TState)Frame.State, Input.Today);
}
