using Microsoft.Extensions.Time.Testing;
using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Tests.Outbox;

/// <summary>The outbox's pacing on its own: a chat's interval, an account's shared budget, and nothing for unpaced channels.</summary>
public sealed class OutboxPacerTests
{
    private static readonly ChannelPacing Telegram = ChannelProfiles.Telegram.Pacing;
    private static readonly TimeSpan AccountInterval = Telegram.PerAccount!.Interval;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 18, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task WaitForTurn_Unpaced_NeverWaits()
    {
        var pacer = new OutboxPacer(_time);

        for (var i = 0; i < 100; i++)
        {
            Assert.False(await pacer.WaitForTurnAsync(Entry(i, "chat-1"), ChannelPacing.None, CancellationToken.None));
        }
    }

    [Fact]
    public async Task WaitForTurn_BusyChat_AnotherChatOfTheAccountIsNotHeldUp()
    {
        var pacer = new OutboxPacer(_time);
        Assert.False(await pacer.WaitForTurnAsync(Entry(1, "busy"), Telegram, CancellationToken.None));

        // The busy chat's next send waits a second for its chat...
        var busy = pacer.WaitForTurnAsync(Entry(2, "busy"), Telegram, CancellationToken.None).AsTask();
        // ...while another chat of the same account only waits for the account's next slot.
        var other = pacer.WaitForTurnAsync(Entry(3, "other"), Telegram, CancellationToken.None).AsTask();
        Assert.False(other.IsCompleted);
        _time.Advance(AccountInterval);

        Assert.True(await other);
        Assert.False(busy.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1) - AccountInterval);
        Assert.True(await busy);
    }

    [Fact]
    public async Task WaitForTurn_AnotherAccount_HasItsOwnBudget()
    {
        var pacer = new OutboxPacer(_time);
        Assert.False(await pacer.WaitForTurnAsync(Entry(1, "a", account: "bot-1"), Telegram, CancellationToken.None));

        Assert.False(await pacer.WaitForTurnAsync(Entry(2, "b", account: "bot-2"), Telegram, CancellationToken.None));
    }

    [Fact]
    public async Task WaitForTurn_Stopping_CancelsTheWait()
    {
        var pacer = new OutboxPacer(_time);
        await pacer.WaitForTurnAsync(Entry(1, "chat-1"), Telegram, CancellationToken.None);
        using var stopping = new CancellationTokenSource();

        var waiting = pacer.WaitForTurnAsync(Entry(2, "chat-1"), Telegram, stopping.Token).AsTask();
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    private static OutboxEntry Entry(long id, string chat, string account = "bot-1") => new(
        id,
        "conversation-" + chat,
        new BotMessage { Id = "out-" + id, Channel = ChannelId.Telegram, Conversation = new ConversationAddress(account, chat), Text = "reply " + id },
        0,
        DateTimeOffset.UnixEpoch);
}
