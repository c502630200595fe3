using System.Globalization;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>
/// Answers "burst N" with N replies "1/N" ... "N/N" in one turn (a burst to one chat), anything else with "echo: text".
/// </summary>
public sealed class BurstDialog : Dialog<CountingState>
{
    private const string Burst = "burst ";

    protected override void Define(DialogSteps<CountingState> steps) => steps
        .Step("reply", async (d, ct) =>
        {
            var text = d.Turn.Message.Text ?? "";
            if (!text.StartsWith(Burst, StringComparison.Ordinal))
            {
                await d.ReplyAsync("echo: " + text, ct);
                return StepResult.Wait;
            }

            var count = int.Parse(text[Burst.Length..], CultureInfo.InvariantCulture);
            for (var i = 1; i <= count; i++)
            {
                await d.ReplyAsync($"{i}/{count}", ct);
            }

            return StepResult.Wait;
        })
        .Step("again", (d, ct) => Task.FromResult(StepResult.GoTo("reply")));
}
