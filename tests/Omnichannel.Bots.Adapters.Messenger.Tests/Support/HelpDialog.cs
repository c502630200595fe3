namespace Omnichannel.Bots.Adapters.Messenger.Tests;

public sealed class HelpState
{
    public string? Topic { get; set; }
}

/// <summary>A choice of topic (quick replies on Messenger), then the topic picked.</summary>
public sealed class HelpDialog : Dialog<HelpState>
{
    public static readonly Choice Orders = new("topic:orders", "Order status");
    public static readonly Choice Returns = new("topic:returns", "Returns");

    protected override void Define(DialogSteps<HelpState> steps) => steps
        .Prompt("topic", Prompts.Choice("What can we help with?", Orders, Returns), (s, choice) => s.Topic = choice.Title)
        .Step("answer", async (d, ct) =>
        {
            await d.ReplyAsync($"Topic: {d.State.Topic}.", ct);
            return StepResult.End;
        });
}
