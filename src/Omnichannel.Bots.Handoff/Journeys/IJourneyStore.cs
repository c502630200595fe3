namespace Omnichannel.Bots.Handoff;

/// <summary>Reads a customer's <see cref="JourneyFacts"/> (one indexed read); the turn commit and the desk keep them.</summary>
public interface IJourneyStore
{
    /// <summary>The customer's journey facts with their latest ticket; <see cref="JourneyFacts.Empty"/> for a customer without any.</summary>
    Task<JourneyFacts> GetAsync(string customerId, CancellationToken cancellationToken);
}
