using System.Globalization;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>Different conversations run their turns in parallel.</summary>
public sealed class ParallelismTests
{
    private const int Conversations = 50;

    [Fact]
    public async Task SubmitAndWaitAsync_ManyConversationsAtOnce_TurnsOverlapAndAllComplete()
    {
        // Each turn waits inside the dialog until two turns are in it together: only a parallel runtime gets there.
        var probe = new TurnProbe { OverlapToWaitFor = 2 };
        await using var bot = await DeliveryBot.StartAsync(probe);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, Conversations).Select(i =>
        {
            var phone = "+1555020" + i.ToString("0000", CultureInfo.InvariantCulture);
            return Task.Run(() => bot.Inbox().SubmitAndWaitAsync(DeliveryBot.Message("id-" + phone, "hi", conversation: phone, phone: phone), CancellationToken.None));
        }));

        Assert.True(probe.MaxInside > 1, $"At most {probe.MaxInside} turn was inside the dialog at a time.");
        Assert.All(outcomes, o => Assert.Equal(TurnStatus.Completed, o.Status));
        Assert.All(outcomes, o => Assert.Equal(["#1 hi"], o.Replies.Select(r => r.Text)));
        Assert.Equal(Conversations, Rows.Count(bot.DatabaseFile(), "SELECT COUNT(*) FROM inbox WHERE status = 'completed'"));
        Assert.Equal(Enumerable.Repeat(1L, Conversations), Rows.Counts(bot.DatabaseFile()));
    }
}
