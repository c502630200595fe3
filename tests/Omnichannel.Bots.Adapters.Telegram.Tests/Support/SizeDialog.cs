namespace Omnichannel.Bots.Adapters.Telegram.Tests;

public sealed class SizeState
{
    public string? Size { get; set; }
}

/// <summary>A two-step dialog with buttons: a choice (one value too long for Telegram's 64-byte callback data), then a confirmation.</summary>
public sealed class SizeDialog : Dialog<SizeState>
{
    /// <summary>A choice value of 80 bytes, past callback_data's 64.</summary>
    public static readonly string LargeValue = "size:large:" + new string('x', 69);

    protected override void Define(DialogSteps<SizeState> steps) => steps
        .Prompt("size", Prompts.Choice("Which size?", new Choice("small", "Small"), new Choice(LargeValue, "Large")), (s, choice) => s.Size = choice.Title)
        .Step("done", async (d, ct) =>
        {
            await d.ReplyAsync($"You chose {d.State.Size}.", ct);
            return StepResult.End;
        });
}
