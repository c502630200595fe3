namespace Omnichannel.Bots.Handoff;

/// <summary>
/// What the handoff router adds to the turn commit for the journey facts: the clarifying question the turn's last
/// reply asks (<see cref="JourneyFacts.PendingClarify"/>). Set with <c>turn.SetRecord</c>; the rest of the facts come
/// from the committed message and its insights.
/// </summary>
/// <param name="Clarify">The clarifying question's text.</param>
public sealed record JourneyTurn(string Clarify) : TurnRecord;
