namespace Omnichannel.Bots;

/// <summary>What a code step works with: the turn and the dialog's typed state.</summary>
public sealed class DialogContext<TState>
    where TState : class
{
    internal DialogContext(TurnContext turn, TState state)
    {
        Turn = turn;
        State = state;
    }

    public TurnContext Turn { get; }

    /// <summary>The dialog's state; changes are saved when the turn commits.</summary>
    public TState State { get; }

    public Task ReplyAsync(string text, CancellationToken cancellationToken) => Turn.ReplyAsync(text, cancellationToken);

    public Task ReplyAsync(string text, IEnumerable<Choice> choices, CancellationToken cancellationToken) =>
        Turn.ReplyAsync(text, choices, cancellationToken);
}
