namespace Omnichannel.Bots;

/// <summary>Convenience overloads of <see cref="TurnContext.ReplyAsync"/>.</summary>
public static class TurnContextExtensions
{
    public static Task ReplyAsync(this TurnContext turn, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.ReplyAsync(turn.CreateReply(text), cancellationToken);
    }

    public static Task ReplyAsync(this TurnContext turn, string text, IEnumerable<Choice> choices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.ReplyAsync(turn.CreateReply(text) with { Choices = [.. choices] }, cancellationToken);
    }

    public static Task HandoffAsync(this TurnContext turn, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.HandoffAsync(new Storage.HandoffRequest(reason), cancellationToken);
    }
}
