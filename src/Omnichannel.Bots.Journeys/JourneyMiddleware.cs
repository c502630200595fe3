namespace Omnichannel.Bots.Journeys;

/// <summary>
/// Notes a channel switch on the turn (<see cref="JourneySwitch"/>) before anything else runs, so the switch is
/// recorded even when the handoff router answers the turn itself (the customer writing to an agent from another
/// channel). Runs outside the handoff router (<see cref="Order"/>).
/// </summary>
internal static class JourneyMiddleware
{
    /// <summary>Just outside the handoff router.</summary>
    public const int Order = TurnMiddlewareOrder.Handoff - 1;

    public static Task InvokeAsync(TurnContext turn, TurnHandler next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(next);
        if (turn.SwitchedChannel && turn.PreviousChannel is { } previous)
        {
            turn.SetRecord(new JourneySwitch(previous));
        }

        return next(turn, cancellationToken);
    }
}
