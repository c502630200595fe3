namespace Omnichannel.Bots.Journeys.Tests;

public sealed class RefundState
{
    public string? Order { get; set; }

    public string? Email { get; set; }
}

/// <summary>A form of two values (order-number, email) whose last step resolves the journey.</summary>
public sealed class RefundDialog : Dialog<RefundState>
{
    public const string Started = "Refund started.";

    protected override void Define(DialogSteps<RefundState> steps) => steps
        .Form("details", form => form
            .Slot("order-number", Prompts.Text("What's your order number?").Matching(@"\d{5}", "Order numbers have 5 digits."), (s, v) => s.Order = v)
            .Slot("email", Prompts.Email("What's your email?"), (s, v) => s.Email = v))
        .Step("done", async (d, ct) =>
        {
            d.Turn.ResolveJourney();
            await d.ReplyAsync(Started, ct);
            return StepResult.End;
        });
}
