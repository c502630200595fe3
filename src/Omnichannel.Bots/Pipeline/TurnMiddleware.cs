namespace Omnichannel.Bots;

/// <summary>
/// Runs around every turn: <c>(turn, next, ct) =&gt; ...</c>. Call <paramref name="next"/> to continue; skip it to
/// answer the turn yourself. The first middleware added is the outermost.
/// </summary>
public delegate Task TurnMiddleware(TurnContext turn, TurnHandler next, CancellationToken cancellationToken);
