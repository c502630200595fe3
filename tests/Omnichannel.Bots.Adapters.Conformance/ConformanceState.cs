namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>The suite's dialog state: which prompt was asked and what was picked.</summary>
public sealed class ConformanceState
{
    public bool ManyOptions { get; set; }

    public string? Picked { get; set; }
}
