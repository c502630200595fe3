namespace Omnichannel.Bots.Handoff.Tests.Store;

public sealed class EscalatingState
{
    public int Turns { get; set; }
}
