using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Journeys;

/// <summary>
/// The bot resolved the customer's journey in this turn (set with <see cref="JourneyTurnExtensions.ResolveJourney"/>):
/// recorded as a <see cref="JourneyEventKind.Resolved"/> event without an agent when the turn commits.
/// </summary>
public sealed record JourneyResolution : TurnRecord
{
    public static JourneyResolution Instance { get; } = new();
}
