namespace Omnichannel.Bots.Journeys;

/// <summary>Who resolved a journey.</summary>
public enum JourneyResolver
{
    Bot,
    Agent,
}
