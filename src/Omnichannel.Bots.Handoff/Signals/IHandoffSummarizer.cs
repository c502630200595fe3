namespace Omnichannel.Bots.Handoff.Signals;

/// <summary>
/// Writes the packet's short summary for the agent from everything else in it (transcript, entities, routing, the
/// bot's answers). The default, <c>ExtractiveHandoffSummarizer</c>, runs offline; an LLM-backed one can replace
/// it (register your own <see cref="IHandoffSummarizer"/>); it must not throw for any packet.
/// </summary>
public interface IHandoffSummarizer
{
    Task<string> SummarizeAsync(HandoffPacket packet, CancellationToken cancellationToken);
}
