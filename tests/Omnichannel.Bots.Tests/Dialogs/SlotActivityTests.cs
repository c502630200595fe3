using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Storage.Sqlite;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Tests.Dialogs;

/// <summary>Forms and prompt steps note the values asked for and given on the turn (<see cref="SlotActivity"/>), committed with it.</summary>
public sealed class SlotActivityTests
{
    [Fact]
    public async Task Form_NotesEachSlotAskedAndEachSlotFilled()
    {
        var recorder = new SlotRecorder();
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<TicketDialog>(), s => s.AddSingleton<ISqliteTurnParticipant>(recorder));

        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("hi").ExpectReply("What's your order number?")
            .Send("12345").AllowMoreReplies()
            .Send("it's broken").AllowMoreReplies()
            .RunAsync();

        Assert.Equal(["given [] asked [order]", "given [order] asked [problem]", "given [problem] asked []"], recorder.Turns);
    }

    [Fact]
    public async Task OneSentence_FillingBothSlots_NotesBothAndAsksNothing()
    {
        var recorder = new SlotRecorder();
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<TicketDialog>(), s => s.AddSingleton<ISqliteTurnParticipant>(recorder));

        await new TestConversation(bot, ChannelProfiles.WebChat).Send("order 12345 arrived broken").AllowMoreReplies().RunAsync();

        Assert.Equal(["given [order,problem] asked []"], recorder.Turns);
    }

    [Fact]
    public async Task PromptStep_NotesItsNameAskedThenGiven()
    {
        var recorder = new SlotRecorder();
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<DialogSdkTests.ContactDialog>(), s => s.AddSingleton<ISqliteTurnParticipant>(recorder));

        await new TestConversation(bot, ChannelProfiles.WebChat, new TestCustomer("unknown"))
            .Send("hi").ExpectReply("What's your email?")
            .Send("bo@example.com").ExpectReply("We'll write to bo@example.com.")
            .RunAsync();

        Assert.Equal(["given [] asked [email]", "given [email] asked []"], recorder.Turns);
    }

    /// <summary>Each committed turn's slot activity, in commit order.</summary>
    private sealed class SlotRecorder : ISqliteTurnParticipant
    {
        private readonly ConcurrentQueue<string> _turns = new();

        public IReadOnlyList<string> Turns => [.. _turns];

        public void Write(StatementCache db, SqliteTurnWrite turn)
        {
            var slots = turn.Commit.Record<SlotActivity>();
            _turns.Enqueue($"given [{string.Join(',', slots?.Given ?? [])}] asked [{string.Join(',', slots?.Asked ?? [])}]");
        }
    }
}
