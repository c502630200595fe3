using Omnichannel.Bots.Testing;
using System.Globalization;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>
/// Kills a real host process at a named point of a turn, restarts a new one on the same data directory while the
/// provider redelivers everything, and checks the rows: every message processed exactly once, its state and
/// transcript rows written once, every reply sent at least once. The one duplicate send allowed is a kill after the
/// provider accepted a reply and before its outbox row was marked sent (after-send): no provider offers an
/// idempotency key, so the restarted process cannot know the send went through and sends it again.
/// </summary>
public sealed class CrashTests
{
    private const string Conversation = "customer-1";
    private const string CrashMessage = "m3";

    [Theory]
    [InlineData("after-inbox-write")]
    [InlineData("mid-dialog")]
    [InlineData("after-state-write")]
    [InlineData("after-send")]
    public async Task Restart_AfterKillAtCrashPoint_EachMessageProcessedExactlyOnce(string point)
    {
        using var data = new TempDirectory();
        var db = data.DatabaseFile;
        var sentLog = Path.Combine(data.Path, "sent.log");

        using (var host = CrashHostProcess.Start(data.Path, point, CrashMessage))
        {
            host.Feed(Line(1), Line(2));
            await host.WaitForLineAsync("ACCEPTED m2");
            // The earlier replies are delivered and marked sent before the crash message arrives, so no other send is in flight at the kill.
            await Eventually.UntilAsync(() => Rows.Count(db, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'") == 2, "the first two replies to be sent", () => host.Output);
            host.Feed(Line(3), Line(4));
            await host.WaitForLineAsync("REACHED " + point);
            await host.WaitForLineAsync("ACCEPTED m4");

            // The process is frozen at the point: check that it is the state the point stands for, then kill it.
            AssertStateAtCrashPoint(point, db, sentLog);
            host.Kill();
        }

        using (var host = CrashHostProcess.Start(data.Path))
        {
            // Providers redeliver what they think was not acknowledged, and more arrives.
            host.Feed(Line(1), Line(2), Line(3), Line(4), Line(5));
            host.CloseInput();
            await host.WaitForLineAsync("DRAINED");
            await host.WaitForExitAsync();
            foreach (var id in new[] { "m1", "m2", "m3", "m4" })
            {
                await host.WaitForLineAsync("DUPLICATE " + id);
            }

            await host.WaitForLineAsync("ACCEPTED m5");
        }

        var ids = Enumerable.Range(1, 5).Select(Id).ToList();
        Assert.Equal(
            ids.Select(id => (id, 1L, "completed")),
            Rows.Query(db, "SELECT provider_message_id, COUNT(*), MAX(status) FROM inbox GROUP BY provider_message_id ORDER BY provider_message_id")
                .Select(r => ((string)r[0]!, (long)r[1]!, (string)r[2]!)));
        Assert.Equal(
            ids.Select(id => (id, 1L)),
            Rows.Query(db, "SELECT message_id, COUNT(*) FROM messages WHERE direction = 'in' GROUP BY message_id ORDER BY message_id")
                .Select(r => ((string)r[0]!, (long)r[1]!)));
        Assert.Equal([5L], Rows.Counts(db));

        // Every reply is "#N text" with N exactly 1..5 in message order: no turn ran twice, none was lost.
        var expected = Enumerable.Range(1, 5).Select(Reply).ToList();
        Assert.Equal(
            expected,
            Rows.Query(db, "SELECT text FROM messages WHERE direction = 'out' ORDER BY inbox_seq").Select(r => (string)r[0]!));
        Assert.Equal(5, Rows.Count(db, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'"));
        Assert.Equal(5, Rows.Count(db, "SELECT COUNT(*) FROM outbox"));

        var sent = File.ReadAllLines(sentLog).Select(l => l.Split('\t')).ToList();
        Assert.Equal(expected, sent.Select(s => s[1]).Distinct());
        var sends = sent.GroupBy(s => s[1]).ToDictionary(g => g.Key, g => g.Count());
        foreach (var reply in expected)
        {
            var allowed = point == "after-send" && reply == Reply(3) ? 2 : 1;
            Assert.True(sends[reply] == allowed, $"\"{reply}\" was sent {sends[reply]} times, expected {allowed}, after a kill at {point}.");
        }
    }

    private static void AssertStateAtCrashPoint(string point, string db, string sentLog)
    {
        var status = (string?)Rows.Scalar(db, "SELECT status FROM inbox WHERE provider_message_id = @p1", CrashMessage);
        var outbox = Rows.Query(db, "SELECT o.status FROM outbox o JOIN inbox i ON i.seq = o.inbox_seq WHERE i.provider_message_id = @p1", CrashMessage);
        var logged = File.Exists(sentLog) ? File.ReadAllLines(sentLog) : [];
        switch (point)
        {
            case "after-inbox-write" or "mid-dialog":
                Assert.Equal("pending", status);
                Assert.Empty(outbox);
                Assert.Equal([2L], Rows.Counts(db));
                break;
            case "after-state-write":
                Assert.Equal("completed", status);
                Assert.Equal(["pending"], outbox.Select(r => (string)r[0]!));
                Assert.Equal("pending", Rows.Scalar(db, "SELECT status FROM inbox WHERE provider_message_id = 'm4'"));
                Assert.Equal([3L], Rows.Counts(db));
                Assert.DoesNotContain(logged, l => l.EndsWith(Reply(3), StringComparison.Ordinal));
                break;
            default:
                Assert.Equal("completed", status);
                Assert.Equal(["pending"], outbox.Select(r => (string)r[0]!));
                Assert.Contains(logged, l => l.EndsWith("\t" + Reply(3), StringComparison.Ordinal));
                break;
        }
    }

    private static string Id(int n) => "m" + n.ToString(CultureInfo.InvariantCulture);

    private static string Text(int n) => "text of " + Id(n);

    private static string Reply(int n) => $"#{n.ToString(CultureInfo.InvariantCulture)} {Text(n)}";

    private static (string Id, string Conversation, string Text) Line(int n) => (Id(n), Conversation, Text(n));
}
