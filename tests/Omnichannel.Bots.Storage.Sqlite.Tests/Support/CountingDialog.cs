namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>
/// Counts the customer's messages: each turn adds one and replies "#N text", so a lost update, a turn run twice or
/// turns run out of order all show in the replies.
/// </summary>
public sealed class CountingDialog : Dialog<CountingState>
{
    private readonly TurnProbe _probe;

    public CountingDialog(TurnProbe probe)
    {
        _probe = probe;
    }

    protected override void Define(DialogSteps<CountingState> steps) => steps
        .Step("count", async (d, ct) =>
        {
            _probe.Enter();
            try
            {
                d.State.Count++;
                await _probe.HoldAsync(ct);
                var reply = $"#{d.State.Count} {d.Turn.Message.Text}";
                _probe.Record(reply);
                await d.ReplyAsync(reply, ct);
            }
            finally
            {
                _probe.Exit();
            }

            return StepResult.Wait;
        })
        .Step("again", (d, ct) => Task.FromResult(StepResult.GoTo("count")));
}
