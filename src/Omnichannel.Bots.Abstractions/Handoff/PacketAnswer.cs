namespace Omnichannel.Bots.Handoff;

/// <summary>A question the bot tried to answer from the knowledge base: its confidence, whether it answered, and the articles it used or considered.</summary>
public sealed record PacketAnswer
{
    public required DateTimeOffset At { get; init; }

    public required string Question { get; init; }

    public required bool Answered { get; init; }

    public double? Confidence { get; init; }

    public required IReadOnlyList<AnswerSource> Sources { get; init; }
}
