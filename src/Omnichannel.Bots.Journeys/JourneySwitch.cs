using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Journeys;

/// <summary>The turn's message came on another channel than the customer's previous one (<see cref="TurnContext.SwitchedChannel"/>).</summary>
/// <param name="From">The channel of the customer's previous message.</param>
public sealed record JourneySwitch(ChannelId From) : TurnRecord;
