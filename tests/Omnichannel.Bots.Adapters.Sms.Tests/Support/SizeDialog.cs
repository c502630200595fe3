namespace Omnichannel.Bots.Adapters.Sms.Tests;

public sealed class SizeState
{
    public string? Size { get; set; }
}

/// <summary>A two-step dialog: a choice (numbered options on SMS), then a confirmation.</summary>
public sealed class SizeDialog : Dialog<SizeState>
{
    protected override void Define(DialogSteps<SizeState> steps) => steps
        .Prompt("size", Prompts.Choice("Which size?", new Choice("small", "Small"), new Choice("large", "Large")), (s, choice) => s.Size = choice.Title)
        .Step("done", async (d, ct) =>
        {
            await d.ReplyAsync($"You chose {d.State.Size}.", ct);
            return StepResult.End;
        });
}
