namespace Omnichannel.Bots.Journeys;

/// <summary>What a dialog tells the journey log.</summary>
public static class JourneyTurnExtensions
{
    /// <summary>
    /// Marks the customer's journey resolved by the bot when this turn commits (the answer or the form completed what
    /// they came for). The customer's next message starts a new journey. A journey an agent resolves is marked by the
    /// desk (closing the ticket as resolved).
    /// </summary>
    public static void ResolveJourney(this TurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.SetRecord(JourneyResolution.Instance);
    }
}
