namespace Omnichannel.Bots;

/// <summary>Handles a turn: the next middleware, or at the end of the pipeline the dialog.</summary>
public delegate Task TurnHandler(TurnContext turn, CancellationToken cancellationToken);
