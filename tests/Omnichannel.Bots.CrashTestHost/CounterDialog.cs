namespace Omnichannel.Bots.CrashTestHost;

public sealed class CounterState
{
    public int Count { get; set; }
}

/// <summary>Counts the customer's messages: each turn adds one and replies "#N text", so a turn run twice shows.</summary>
public sealed class CounterDialog : Dialog<CounterState>
{
    private readonly CrashSwitch _crash;

    public CounterDialog(CrashSwitch crash)
    {
        _crash = crash;
    }

    protected override void Define(DialogSteps<CounterState> steps) => steps
        .Step("count", async (d, ct) =>
        {
            d.State.Count++;
            await d.ReplyAsync($"#{d.State.Count} {d.Turn.Message.Text}", ct);
            _crash.Reach(CrashSwitch.MidDialog, d.Turn.Message.Id);
            return StepResult.Wait;
        })
        .Step("again", (d, ct) => Task.FromResult(StepResult.GoTo("count")));
}
