namespace Omnichannel.Bots.Handoff.Desk;

/// <summary>The result of a desk action: the outcome and, when it is not <see cref="DeskOutcome.Ok"/>, a message for the agent.</summary>
public sealed record DeskResult(DeskOutcome Outcome, string? Message = null)
{
    public static DeskResult Ok { get; } = new(DeskOutcome.Ok);

    public bool Succeeded => Outcome == DeskOutcome.Ok;
}
