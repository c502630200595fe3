using Omnichannel.Bots.Cli;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary><c>omnibot inbox parked list|retry|drop</c> against a bot's real SQLite file, with the bot running or stopped.</summary>
public sealed class ParkedCliTests
{
    [Fact]
    public async Task InboxParked_ListRetryDropWhileTheHostRuns_HostRunsTheRetriedMessageAndDropsTheOther()
    {
        using var data = new TempDirectory();
        var store = new PoisonTurnStore(PoisonMode.Commit);
        await using var bot = await PoisonBot.StartAsync(store, data.Path, maxTurnAttempts: 2);
        var first = (await bot.Inbox().SubmitAsync(DeliveryBot.Message("m1", "boom one"), CancellationToken.None)).Sequence;
        var second = (await bot.Inbox().SubmitAsync(DeliveryBot.Message("m2", "boom two", conversation: "+15550100002", phone: "+15550100002"), CancellationToken.None)).Sequence;
        await bot.AdvanceUntilAsync(() => "parked".Equals(bot.InboxRow(first)[0]) && "parked".Equals(bot.InboxRow(second)[0]), "both messages to be parked");

        var list = await RunAsync("inbox", "parked", "list", "--data", data.Path);
        Assert.Equal(0, list.Code);
        var lines = list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("id\tchannel\tconversation\tattempts\tparked at\terror", lines[0]);
        Assert.StartsWith($"{first}\tsms\t+15550100001\t2\t2026-03-18 ", lines[1], StringComparison.Ordinal);
        Assert.EndsWith($"\tInvalidOperationException: disk I/O error committing turn {first}", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"{second}\tsms\t+15550100002\t2\t", lines[2], StringComparison.Ordinal);
        Assert.Equal("2 parked", lines[3]);

        store.Heal();
        var retry = await RunAsync("inbox", "parked", "retry", first.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", data.Path);
        Assert.Equal(0, retry.Code);
        Assert.Contains($"message {first} put back as pending", retry.Stdout, StringComparison.Ordinal);
        await bot.AdvanceUntilAsync(() => bot.SmsTexts().Contains("#1 boom one"), "the running host to run the retried message");
        Assert.Equal("completed", bot.InboxRow(first)[0]);

        var drop = await RunAsync("inbox", "parked", "drop", second.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", data.Path);
        Assert.Equal(0, drop.Code);
        Assert.Equal("dropped", bot.InboxRow(second)[0]);
        bot.Time.Advance(TimeSpan.FromMinutes(5)); // past every poll: a dropped message never runs
        Assert.Equal(["#1 boom one"], bot.SmsTexts());
        Assert.Equal(2, store.Attempts(second));

        var empty = await RunAsync("inbox", "parked", "list", "--data", data.Path);
        Assert.Equal((0, "no parked messages"), (empty.Code, empty.Stdout.Trim()));
        Assert.Equal(0, bot.Services.GetService(typeof(IParkedMessageStore)) is IParkedMessageStore parked ? parked.Summarize().Count : -1);
    }

    [Fact]
    public async Task InboxParkedRetry_WhileTheHostIsStopped_NextHostRunsItOnStart()
    {
        using var data = new TempDirectory();
        long parked;
        await using (var first = await PoisonBot.StartAsync(new PoisonTurnStore(PoisonMode.Load), data.Path, maxTurnAttempts: 1))
        {
            parked = (await first.Inbox().SubmitAsync(DeliveryBot.Message("m1", "boom"), CancellationToken.None)).Sequence;
            await first.AdvanceUntilAsync(() => "parked".Equals(first.InboxRow(parked)[0]), "the message to be parked");
        }

        var retry = await RunAsync("inbox", "parked", "retry", "--all", "--data", data.Path);
        Assert.Equal((0, "1 parked messages put back as pending"), (retry.Code, retry.Stdout.Trim()));
        Assert.Equal("pending", Rows.Scalar(data.DatabaseFile, "SELECT status FROM inbox WHERE seq = @p1", parked));

        var healthy = new PoisonTurnStore(PoisonMode.Load, failures: 0);
        await using var second = await PoisonBot.StartAsync(healthy, data.Path);
        await Eventually.UntilAsync(() => second.SmsTexts().Contains("#1 boom"), "the restarted host to run the retried message");
        Assert.Equal(1, healthy.Attempts(parked));
        Assert.Equal("completed", second.InboxRow(parked)[0]);
    }

    [Theory]
    [InlineData("retry", "42", 1, "omnibot inbox parked retry: no parked message with id 42 (omnibot inbox parked list shows them).")]
    [InlineData("drop", "42", 1, "omnibot inbox parked drop: no parked message with id 42 (omnibot inbox parked list shows them).")]
    [InlineData("drop", "abc", 2, "omnibot inbox parked drop: Cannot parse argument 'abc'")]
    [InlineData("retry", null, 2, "omnibot inbox parked retry: missing ID (or --all).")]
    public async Task InboxParked_UnknownOrBadId_ClearErrorAndNothingChanged(string verb, string? id, int code, string error)
    {
        using var data = new TempDirectory();
        var store = new PoisonTurnStore(PoisonMode.Commit);
        long parked;
        await using (var bot = await PoisonBot.StartAsync(store, data.Path, maxTurnAttempts: 1))
        {
            parked = (await bot.Inbox().SubmitAsync(DeliveryBot.Message("m1", "boom"), CancellationToken.None)).Sequence;
            await bot.AdvanceUntilAsync(() => "parked".Equals(bot.InboxRow(parked)[0]), "the message to be parked");
        }

        var result = await RunAsync(id is null ? ["inbox", "parked", verb, "--data", data.Path] : ["inbox", "parked", verb, id, "--data", data.Path]);

        Assert.Equal(code, result.Code);
        Assert.StartsWith(error, result.Stderr, StringComparison.Ordinal);
        Assert.Equal("parked", Rows.Scalar(data.DatabaseFile, "SELECT status FROM inbox WHERE seq = @p1", parked));
    }

    [Fact]
    public async Task InboxParkedList_NoDatabaseInTheFolder_SaysWhereItLookedAndCreatesNothing()
    {
        using var data = new TempDirectory();

        var result = await RunAsync("inbox", "parked", "list", "--data", data.Path);

        Assert.Equal(1, result.Code);
        Assert.Contains($"no database at {data.DatabaseFile}", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(data.DatabaseFile));
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await OmnibotCommand.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
