using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Tests.Dialogs;

public sealed class CallbackState
{
    public string? Phone { get; set; }

    public DateOnly Day { get; set; }
}

/// <summary>The README's "Extend a dialog" example, kept here so the README stays true.</summary>
public sealed class CallbackDialog : Dialog<CallbackState>
{
    protected override void Define(DialogSteps<CallbackState> steps) => steps
        .Prompt("phone", Prompts.Phone("Which number should we call?"), (s, v) => s.Phone = v)
        .Prompt("day", Prompts.Date("Which day suits you?").InFuture(), (s, v) => s.Day = v)
        .Step("done", async (d, ct) => { await d.ReplyAsync($"We'll call {d.State.Phone} on {d.State.Day:dddd d MMMM}.", ct); return StepResult.End; });
}

public sealed class ReadmeExampleTests
{
    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task CallbackDialog_AsInTheReadme_NormalisesPhoneAndReadsTheDay(string channel)
    {
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<CallbackDialog>());
        await new TestConversation(bot, TestChannels.Named(channel))
            .Send("hi").ExpectReply("Which number should we call?")
            .Send("(650) 253-0000").ExpectReply("Which day suits you?")
            .Send("next friday").ExpectReply("We'll call +16502530000 on Friday 27 March.")
            .RunAsync();
    }
}
