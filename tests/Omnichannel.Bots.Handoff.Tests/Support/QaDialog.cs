using Omnichannel.Bots.Handoff;

namespace Omnichannel.Bots.Handoff.Tests.Support;

public sealed class QaState
{
    public int Answered { get; set; }
}

/// <summary>
/// A stand-in for a knowledge dialog: a message starting with "?" is declined as not confident, anything else is
/// "answered" from the shipping-times article; both record the attempt in the turn's insights as the real one does.
/// </summary>
public sealed class QaDialog : Dialog<QaState>
{
    public const string Declined = "I'm not sure about that.";

    protected override void Define(DialogSteps<QaState> steps) => steps
        .Step("answer", async (d, ct) =>
        {
            var text = d.Turn.Message.Text ?? "";
            if (text.StartsWith('?'))
            {
                d.Turn.Insights = d.Turn.Insights with { Knowledge = new KnowledgeAttempt(false, 0.21, [new AnswerSource("returns", "Returns", 0.21)]) };
                await d.ReplyAsync(Declined, ct);
            }
            else
            {
                d.State.Answered++;
                d.Turn.Insights = d.Turn.Insights with
                {
                    Knowledge = new KnowledgeAttempt(true, 0.93, [new AnswerSource("shipping-times", "Shipping times", 0.93)]),
                    Intent = new PacketIntent("shipping-times", 0.93),
                };
                await d.ReplyAsync("Answer: " + text, ct);
            }

            return StepResult.Wait;
        })
        .Step("follow-up", (_, _) => Task.FromResult(StepResult.GoTo("answer")));
}
