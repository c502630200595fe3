namespace Omnichannel.Bots;

/// <summary>Tells the outbox that rows were written outside a turn (an agent's reply) so it sends them now rather than at its next poll.</summary>
public interface IOutboxSignal
{
    void Notify();
}
