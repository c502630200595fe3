using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Tests.Dialogs;

public sealed class BookingState
{
    public string? Name { get; set; }

    public string? Size { get; set; }
}

/// <summary>Release 1 of a dialog: name, then size.</summary>
public sealed class BookingV1Dialog : Dialog<BookingState>
{
    public BookingV1Dialog()
        : base("booking")
    {
    }

    protected override void Define(DialogSteps<BookingState> steps) => steps
        .Prompt("name", Prompts.Text("Name?"), (s, v) => s.Name = v)
        .Prompt("size", Prompts.Choice("Size?", "S", "M", "L"), (s, v) => s.Size = v.Title)
        .Step("done", async (d, ct) =>
        {
            await d.ReplyAsync($"v1: {d.State.Name}, {d.State.Size}.", ct);
            return StepResult.End;
        });
}

/// <summary>Release 2: a step inserted before "size", and "done" renamed to "summary".</summary>
public sealed class BookingV2Dialog : Dialog<BookingState>
{
    public BookingV2Dialog()
        : base("booking")
    {
    }

    protected override void Define(DialogSteps<BookingState> steps) => steps
        .Step("intro", async (d, ct) =>
        {
            await d.ReplyAsync("v2 intro.", ct);
            return StepResult.Next;
        })
        .Prompt("name", Prompts.Text("Name?"), (s, v) => s.Name = v)
        .Prompt("colour", Prompts.Choice("Colour?", "Red", "Blue"), (s, v) => { })
        .Prompt("size", Prompts.Choice("Size?", "S", "M", "L"), (s, v) => s.Size = v.Title)
        .Step("summary", async (d, ct) =>
        {
            await d.ReplyAsync($"v2: {d.State.Name}, {d.State.Size}.", ct);
            return StepResult.End;
        });
}

/// <summary>Release 3: the step the customer waits at ("size") is gone.</summary>
public sealed class BookingV3Dialog : Dialog<BookingState>
{
    public BookingV3Dialog()
        : base("booking")
    {
    }

    protected override void Define(DialogSteps<BookingState> steps) => steps
        .Prompt("name", Prompts.Text("Name, please?"), (s, v) => s.Name = v)
        .Step("summary", async (d, ct) =>
        {
            await d.ReplyAsync($"v3: {d.State.Name}.", ct);
            return StepResult.End;
        });
}

public sealed class RedeployTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("omnibot-redeploy-").FullName;

    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task Redeploy_StepInsertedBeforeTheWaitingOne_CustomerStaysOnTheirStep(string channel)
    {
        await using (var v1 = await TestBot.StartAsync(b => b.AddRootDialog<BookingV1Dialog>(), dataDirectory: _data))
        {
            await new TestConversation(v1, TestChannels.Named(channel))
                .Send("hi").ExpectReply("Name?")
                .Send("Ana").ExpectReplyContaining("Size?")
                .RunAsync();
        }

        await using var v2 = await TestBot.StartAsync(b => b.AddRootDialog<BookingV2Dialog>(), dataDirectory: _data);
        await new TestConversation(v2, TestChannels.Named(channel))
            .Send("M")
            .ExpectReply("v2: Ana, M.")
            .RunAsync();
    }

    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task Redeploy_WaitingStepRemoved_DialogRestartsAtItsFirstStep(string channel)
    {
        await using (var v1 = await TestBot.StartAsync(b => b.AddRootDialog<BookingV1Dialog>(), dataDirectory: _data))
        {
            await new TestConversation(v1, TestChannels.Named(channel))
                .Send("hi").ExpectReply("Name?")
                .Send("Ana").ExpectReplyContaining("Size?")
                .RunAsync();
        }

        await using var v3 = await TestBot.StartAsync(b => b.AddRootDialog<BookingV3Dialog>(), dataDirectory: _data);
        await new TestConversation(v3, TestChannels.Named(channel))
            .Send("M")
            .ExpectReply("Name, please?")
            .Send("Bea")
            .ExpectReply("v3: Bea.")
            .RunAsync();
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
