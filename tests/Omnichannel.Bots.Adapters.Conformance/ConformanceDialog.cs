namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>
/// The suite's dialog (<see cref="ConformanceScript"/> says what it says): "show options" and "show many options" ask a
/// choice prompt and then say which option was picked; "show a long answer" answers past the channel's text limit; any
/// other text is echoed. Each visit ends, so every case starts from the first step.
/// </summary>
public sealed class ConformanceDialog : Dialog<ConformanceState>
{
    private readonly ConformanceScript _script;

    public ConformanceDialog(ConformanceScript script)
        : base("conformance")
    {
        _script = script;
    }

    protected override void Define(DialogSteps<ConformanceState> steps) => steps
        .Step("route", async (d, ct) =>
        {
            var text = d.Turn.Message.Text?.Trim() ?? string.Empty;
            switch (text)
            {
                case ConformanceScript.ShowOptions:
                case ConformanceScript.ShowManyOptions:
                    d.State.ManyOptions = text == ConformanceScript.ShowManyOptions;
                    return StepResult.GoTo("pick");
                case ConformanceScript.ShowLongAnswer:
                    await d.ReplyAsync(_script.LongAnswer, ct);
                    return StepResult.End;
                default:
                    await d.ReplyAsync(ConformanceScript.Echo(text), ct);
                    return StepResult.End;
            }
        })
        .Prompt("pick", s => Prompts.Choice(ConformanceScript.PromptText, [.. s.ManyOptions ? _script.ManyOptions : _script.FewOptions]), (s, choice) => s.Picked = choice.Title)
        .Step("picked", async (d, ct) =>
        {
            await d.ReplyAsync(ConformanceScript.Picked(d.State.Picked!), ct);
            return StepResult.End;
        });
}
