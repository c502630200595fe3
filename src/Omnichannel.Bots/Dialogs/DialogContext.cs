namespace Omnichannel.Bots;

/// <summary>What a code step works with: the turn and the dialog's typed state.</summary>
public sealed class DialogContext<TState>
    where TState : class
{
    internal DialogContext(TurnContext turn, TState state, DateOnly today)
    {
        Turn = turn;
        State = state;
        Today = today;
    }

    public TurnContext Turn { get; }

    /// <summary>The dialog's state; changes are saved when the turn commits.</summary>
    public TState State { get; }

    /// <summary>
    /// Today's date in the bot's time zone (<c>Bot:TimeZone</c>), from the turn's <see cref="TimeProvider"/>: the same
    /// day the date prompts read "today" and "tomorrow" against.
    /// </summary>
    public DateOnly Today { get; }

    public Task ReplyAsync(string text, CancellationToken cancellationToken) => Turn.ReplyAsync(text, cancellationToken);

    public Task ReplyAsync(string text, IEnumerable<Choice> choices, CancellationToken cancellationToken) =>
        Turn.ReplyAsync(text, choices, cancellationToken);
}
