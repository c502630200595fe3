using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>
/// A message whose turn cannot be stored (the turn store fails for it every time, or reports a state conflict every
/// time) is parked after Bot:MaxTurnAttempts attempts, durably, and its conversation moves on.
/// </summary>
public sealed class PoisonMessageTests
{
    [Theory]
    [InlineData(PoisonMode.Load, "disk I/O error reading turn")]
    [InlineData(PoisonMode.Commit, "disk I/O error committing turn")]
    [InlineData(PoisonMode.Conflict, "state conflict")]
    public async Task ExecuteAsync_TurnStoreFailsEveryTimeForOneMessage_ParkedAfterMaxAttemptsAndNextMessageAnswered(PoisonMode mode, string error)
    {
        var store = new PoisonTurnStore(mode);
        await using var bot = await PoisonBot.StartAsync(store);
        var poisoned = await bot.Inbox().SubmitAsync(DeliveryBot.Message("m1", "boom"), CancellationToken.None);
        var next = await bot.Inbox().SubmitAsync(DeliveryBot.Message("m2", "hello"), CancellationToken.None);

        await bot.AdvanceUntilAsync(() => bot.SmsTexts().Contains("#1 hello"), "the message after the poisoned one to be answered");

        var parkedAt = bot.Time.GetUtcNow();
        var row = bot.InboxRow(poisoned.Sequence);
        Assert.Equal("parked", row[0]);
        Assert.Equal(10L, row[1]); // Bot:MaxTurnAttempts' default
        Assert.InRange((long)row[2]!, TestBot.DefaultStart.ToUnixTimeMilliseconds(), parkedAt.ToUnixTimeMilliseconds());
        Assert.Contains(error, (string)row[3]!, StringComparison.Ordinal);
        Assert.Equal(10, store.Attempts(poisoned.Sequence));
        if (mode != PoisonMode.Load)
        {
            Assert.Equal(5, store.MinimalCommits); // attempts 6-10 only tried to record the message as failed
        }

        Assert.Equal("completed", bot.InboxRow(next.Sequence)[0]);
        Assert.Equal(["#1 hello"], bot.SmsTexts());
        var summary = bot.Services.GetRequiredService<IParkedMessageStore>().Summarize();
        Assert.Equal(new ParkedSummary(1, poisoned.Sequence, DateTimeOffset.FromUnixTimeMilliseconds((long)row[2]!)), summary);
    }

    [Fact]
    public async Task ExecuteAsync_CommitFailsOnceThenSucceeds_NotParked()
    {
        var store = new PoisonTurnStore(PoisonMode.Commit, failures: 1);
        await using var bot = await PoisonBot.StartAsync(store, maxTurnAttempts: 2);
        var receipt = await bot.Inbox().SubmitAsync(DeliveryBot.Message("m1", "boom"), CancellationToken.None);

        await bot.AdvanceUntilAsync(() => bot.SmsTexts().Contains("#1 boom"), "the message to be answered on its second attempt");

        Assert.Equal(2, store.Attempts(receipt.Sequence));
        var row = bot.InboxRow(receipt.Sequence);
        Assert.Equal("completed", row[0]);
        Assert.Equal(0L, row[1]);
        Assert.Null(row[2]);
        Assert.Equal(0, bot.Services.GetRequiredService<IParkedMessageStore>().Summarize().Count);
    }

    [Fact]
    public async Task SubmitAndWaitAsync_MessageParked_OutcomeSaysParkedWithTheError()
    {
        await using var bot = await PoisonBot.StartAsync(new PoisonTurnStore(PoisonMode.Load), maxTurnAttempts: 1);

        using var limit = new CancellationTokenSource(Eventually.Limit);
        var outcome = await bot.Inbox().SubmitAndWaitAsync(DeliveryBot.Message("m1", "boom"), limit.Token);

        Assert.Equal(TurnStatus.Parked, outcome.Status);
        Assert.Empty(outcome.Replies);
        Assert.Contains("disk I/O error reading turn", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_AfterRestart_ParkedMessageStaysParkedAndNeverRuns()
    {
        using var data = new TempDirectory();
        long parked;
        await using (var first = await PoisonBot.StartAsync(new PoisonTurnStore(PoisonMode.Commit), data.Path, maxTurnAttempts: 2))
        {
            parked = (await first.Inbox().SubmitAsync(DeliveryBot.Message("m1", "boom"), CancellationToken.None)).Sequence;
            await first.AdvanceUntilAsync(() => "parked".Equals(first.InboxRow(parked)[0]), "the message to be parked");
        }

        // The store works after the restart, but a parked message is not pending: it does not run.
        var healthy = new PoisonTurnStore(PoisonMode.Commit, failures: 0);
        await using var second = await PoisonBot.StartAsync(healthy, data.Path);
        await second.Inbox().SubmitAsync(DeliveryBot.Message("m2", "hello"), CancellationToken.None);
        await second.AdvanceUntilAsync(() => second.SmsTexts().Contains("#1 hello"), "the next message to be answered");
        second.Time.Advance(TimeSpan.FromMinutes(5)); // past every poll: nothing picks the parked message up

        Assert.Equal(0, healthy.Attempts(parked));
        Assert.Equal(["#1 hello"], second.SmsTexts());
        Assert.Equal("parked", second.InboxRow(parked)[0]);
        Assert.Equal(1, second.Services.GetRequiredService<IParkedMessageStore>().Summarize().Count);
    }

    [Fact]
    public async Task PurgeProcessedAsync_ParkedMessagePastRetention_Kept()
    {
        await using var bot = await PoisonBot.StartAsync(new PoisonTurnStore(PoisonMode.Commit), maxTurnAttempts: 1);
        var parked = (await bot.Inbox().SubmitAsync(DeliveryBot.Message("m1", "boom"), CancellationToken.None)).Sequence;
        await bot.AdvanceUntilAsync(() => "parked".Equals(bot.InboxRow(parked)[0]), "the message to be parked");

        var purged = await bot.Services.GetRequiredService<IInboxStore>().PurgeProcessedAsync(bot.Time.GetUtcNow().AddDays(30), CancellationToken.None);

        Assert.Equal(0, purged);
        Assert.Equal("parked", bot.InboxRow(parked)[0]);
    }
}
