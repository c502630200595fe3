using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Handoff.Tests.Store;

/// <summary>Echoes the customer ("bot: text") until they say "escalate" (the dialog's own handoff, not the "agent" interruption); then records insights and hands off to billing.</summary>
public sealed class EscalatingDialog : Dialog<EscalatingState>
{
    protected override void Define(DialogSteps<EscalatingState> steps) => steps
        .Step("chat", async (d, ct) =>
        {
            d.State.Turns++;
            var text = d.Turn.Message.Text ?? string.Empty;
            if (text.Contains("escalate", StringComparison.OrdinalIgnoreCase))
            {
                d.Turn.Insights = d.Turn.Insights with
                {
                    AskedForPerson = true,
                    Sentiment = -0.5,
                    Entities = [new PacketEntity("order_number", "A-1", "A-1")],
                };
                await d.Turn.HandoffAsync(
                    new HandoffRequest("The customer asked for a person.")
                    {
                        Queue = "billing",
                        Priority = HandoffPriority.High,
                        Rule = "explicit-request",
                        RuleSource = "handoff-rules.yaml:3",
                    },
                    ct);
                await d.ReplyAsync("Connecting you to a person.", ct);
            }
            else
            {
                await d.ReplyAsync("bot: " + text, ct);
            }

            return StepResult.Wait;
        })
        .Step("again", (d, ct) => Task.FromResult(StepResult.GoTo("chat")));
}
