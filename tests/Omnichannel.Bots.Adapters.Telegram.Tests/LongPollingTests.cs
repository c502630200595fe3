using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Adapters.Telegram.Tests;

/// <summary>getUpdates against the Bot API stand-in: the same inbox as the webhook, the offset confirmed only past stored updates.</summary>
public sealed class LongPollingTests
{
    [Fact]
    public async Task LongPolling_StoringFailsMidBatch_ReadsTheUpdateAgainAndRunsEveryTurnOnce()
    {
        await using var api = await FakeTelegramBotApi.StartAsync();
        api.EnqueueUpdate(Updates.Text(930000001, "one", chatId: 5001));
        api.EnqueueUpdate(Updates.Text(930000002, "two", chatId: 5002));
        api.EnqueueUpdate(Updates.Text(930000003, "three", chatId: 5003));
        await using var host = await TelegramTestHost.StartAsync(
            api,
            ["Channels:Telegram:UseLongPolling=true"],
            services => FailingOnceInbox.Install(services, "930000002"));

        await Eventually.UntilAsync(
            () => new[] { "930000001", "930000002", "930000003" }.All(id => host.Turns.StartedMessages.Any(m => m.Id == id)),
            "the turns of all three polled updates to start");

        var offsets = api.Calls("getUpdates").Select(r => r.Text("offset")).ToList();
        // First poll without an offset gets all three; 930000001 is stored, 930000002 fails: the next poll confirms
        // only 930000001 (offset 930000002) and gets 930000002 and 930000003 again.
        Assert.Null(offsets[0]);
        Assert.Equal("930000002", offsets[1]);
        Assert.DoesNotContain("930000004", offsets.Take(2));
        Assert.Single(host.Turns.StartedMessages, m => m.Id == "930000001");
        Assert.Single(host.Turns.StartedMessages, m => m.Id == "930000003");
        await api.WaitForAsync("getUpdates", match: r => r.Text("offset") == "930000004");
        await api.WaitForAsync("sendMessage", count: 3, match: r => r.Text("text") == "Which size?");
        Assert.Empty(api.Calls("setWebhook"));
    }

    [Fact]
    public async Task LongPolling_WebhookIsSet_DeletesItWhenConfiguredAndPolls()
    {
        await using var api = await FakeTelegramBotApi.StartAsync();
        api.FailNext("getUpdates", BotApiError.WebhookConflict);
        api.EnqueueUpdate(Updates.Text(930000010, "hello", chatId: 5010));

        await using var host = await TelegramTestHost.StartAsync(
            api,
            ["Channels:Telegram:UseLongPolling=true", "Channels:Telegram:DeleteWebhookForPolling=true"]);

        await Eventually.UntilAsync(() => host.Turns.StartedMessages.Any(m => m.Id == "930000010"), "the polled update's turn to start");
        var methods = api.Requests.Select(r => r.Method).ToList();
        Assert.True(methods.IndexOf("deleteWebhook") > methods.IndexOf("getUpdates"));
        Assert.Equal("false", api.Calls("deleteWebhook").Single().Text("drop_pending_updates") ?? "false");
    }

    [Fact]
    public async Task LongPolling_WebhookIsSet_LogsAnErrorSayingWhatToDoAndLeavesTheWebhook()
    {
        await using var api = await FakeTelegramBotApi.StartAsync();
        api.FailNext("getUpdates", BotApiError.WebhookConflict);
        var logs = new CapturedLogs();

        await using var host = await TelegramTestHost.StartAsync(
            api,
            ["Channels:Telegram:UseLongPolling=true"],
            services => services.AddLogging(logging => logging.AddProvider(logs)));

        await Eventually.UntilAsync(
            () => logs.Entries.Any(e => e.Level == LogLevel.Error && e.Message.Contains("409", StringComparison.Ordinal)),
            "an error about the 409 conflict",
            () => string.Join(Environment.NewLine, logs.Entries));
        var error = logs.Entries.First(e => e.Level == LogLevel.Error && e.Message.Contains("409", StringComparison.Ordinal));
        Assert.Contains("DeleteWebhookForPolling", error.Message, StringComparison.Ordinal);
        Assert.Empty(api.Calls("deleteWebhook"));
        Assert.Single(api.Calls("getUpdates"));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(FakeTelegramBotApi.Token.Split(':')[1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task LongPolling_WebhookEndpointIsNotMapped()
    {
        await using var api = await FakeTelegramBotApi.StartAsync();
        await using var host = await TelegramTestHost.StartAsync(api, ["Channels:Telegram:UseLongPolling=true"]);

        using var response = await host.PostUpdateAsync(Updates.Text(930000020, "hello"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        // The first poll goes out on its own schedule, not before the webhook call returns.
        var poll = (await api.WaitForAsync("getUpdates"))[0];
        Assert.Equal(FakeTelegramBotApi.Token, poll.Token);
        Assert.Equal(string.Join(',', new[] { "\"message\"", "\"edited_message\"", "\"callback_query\"" }), AllowedUpdates(poll));
    }

    [Fact]
    public async Task Webhook_SetWebhookOnStart_RegistersUrlSecretAndUpdateKinds()
    {
        await using var api = await FakeTelegramBotApi.StartAsync();
        await using var host = await TelegramTestHost.StartAsync(
            api,
            ["Channels:Telegram:SetWebhookOnStart=true", "Channels:Telegram:WebhookUrl=https://bot.example.com/api/channels/telegram"]);

        var call = (await api.WaitForAsync("setWebhook")).Single();

        Assert.Equal("https://bot.example.com/api/channels/telegram", call.Text("url"));
        Assert.Equal(TelegramTestHost.SecretToken, call.Text("secret_token"));
        Assert.Empty(api.Calls("getUpdates"));
    }

    private static string AllowedUpdates(BotApiRequest poll) =>
        string.Join(',', poll.Parameters.GetProperty("allowed_updates").EnumerateArray().Select(e => e.GetRawText()));
}
