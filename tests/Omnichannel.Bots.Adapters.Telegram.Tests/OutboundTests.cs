using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Omnichannel.Bots.Adapters.Telegram.Tests;

/// <summary>The adapter's sends against the Bot API stand-in: the calls it makes, and how Telegram's errors reach the outbox.</summary>
public sealed class OutboundTests : IClassFixture<TelegramHostFixture>
{
    private readonly TelegramHostFixture _fixture;

    public OutboundTests(TelegramHostFixture fixture)
    {
        _fixture = fixture;
    }

    private ChannelAdapter Adapter =>
        _fixture.Host.Services.GetRequiredService<ChannelRegistry>().TryGet(ChannelId.Telegram, out var adapter) ? adapter : throw new InvalidOperationException("No Telegram adapter.");

    [Fact]
    public async Task SendAsync_Blocked_IsUnreachableWithTheProviderCode()
    {
        _fixture.Api.FailNext("sendMessage", BotApiError.Blocked);

        var error = await Assert.ThrowsAsync<ChannelSendException>(() => Adapter.SendAsync(Reply("4001", "hello"), CancellationToken.None));

        Assert.True(error.Unreachable);
        Assert.False(error.IsTransient);
        Assert.Equal("403", error.ProviderCode);
        Assert.Contains("blocked by the user", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_UserDeactivated_IsUnreachable()
    {
        _fixture.Api.FailNext("sendMessage", BotApiError.Deactivated);

        var error = await Assert.ThrowsAsync<ChannelSendException>(() => Adapter.SendAsync(Reply("4002", "hello"), CancellationToken.None));

        Assert.True(error.Unreachable);
    }

    [Fact]
    public async Task SendAsync_TooManyRequests_IsTransientWithTheRetryAfterTelegramAsked()
    {
        _fixture.Api.FailNext("sendMessage", BotApiError.TooManyRequests(5));

        var error = await Assert.ThrowsAsync<ChannelSendException>(() => Adapter.SendAsync(Reply("4003", "hello"), CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.False(error.Unreachable);
        Assert.Equal(TimeSpan.FromSeconds(5), error.RetryAfter);
        Assert.Equal("429", error.ProviderCode);
        // The client did not retry on its own: the outbox decides when.
        Assert.Single(_fixture.Api.Calls("sendMessage"), r => r.Text("chat_id") == "4003");
    }

    [Fact]
    public async Task SendAsync_ServerError_IsTransient()
    {
        _fixture.Api.FailNext("sendMessage", BotApiError.ServerError);

        var error = await Assert.ThrowsAsync<ChannelSendException>(() => Adapter.SendAsync(Reply("4004", "hello"), CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal("500", error.ProviderCode);
    }

    [Fact]
    public async Task SendAsync_UnavailableWithRetryAfter_IsTransientWithTheRetryAfterTelegramAsked()
    {
        _fixture.Api.FailNext("sendMessage", BotApiError.Unavailable(30));

        var error = await Assert.ThrowsAsync<ChannelSendException>(() => Adapter.SendAsync(Reply("4010", "hello"), CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
        Assert.Equal("503", error.ProviderCode);
    }

    [Fact]
    public async Task SendAsync_BadRequest_IsPermanentWithTheProviderCode()
    {
        _fixture.Api.FailNext("sendMessage", BotApiError.BadRequest);

        var error = await Assert.ThrowsAsync<ChannelSendException>(() => Adapter.SendAsync(Reply("4005", "hello"), CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.False(error.Unreachable);
        Assert.Equal("400", error.ProviderCode);
    }

    [Fact]
    public async Task SendAsync_Unreachable_IsTransientAndNamesTelegram()
    {
        await using var api = await FakeTelegramBotApi.StartAsync();
        await using var host = await TelegramTestHost.StartAsync(api);
        var adapter = host.Services.GetRequiredService<ChannelRegistry>().TryGet(ChannelId.Telegram, out var a) ? a : null;
        await api.DisposeAsync();

        var error = await Assert.ThrowsAsync<ChannelSendException>(() => adapter!.SendAsync(Reply("4006", "hello"), CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.StartsWith("Telegram could not be reached for sendMessage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ValueOver64Bytes_GoesByAStoredKeyThatMapsBack()
    {
        var longValue = "kb:article:" + new string('ё', 30);
        Assert.True(Encoding.UTF8.GetByteCount(longValue) > 64);
        var reply = Reply("4007", "Pick") with { Choices = [new Choice("short", "Short"), new Choice(longValue, "Long")] };

        var receipt = await Adapter.SendAsync(reply, CancellationToken.None);

        var sent = _fixture.Api.Calls("sendMessage").Single(r => r.Text("chat_id") == "4007");
        var data = sent.Parameters.GetProperty("reply_markup").GetProperty("inline_keyboard").EnumerateArray()
            .Select(row => row[0].GetProperty("callback_data").GetString()!).ToList();
        Assert.Equal("short", data[0]);
        Assert.InRange(Encoding.UTF8.GetByteCount(data[1]), 1, 64);
        var callbacks = _fixture.Host.Services.GetRequiredService<CallbackData>();
        Assert.Equal(longValue, await callbacks.DecodeAsync(data[1], CancellationToken.None));
        Assert.Equal("short", await callbacks.DecodeAsync("short", CancellationToken.None));
        Assert.Equal(data[1], await callbacks.EncodeAsync(longValue, CancellationToken.None));
        Assert.NotNull(receipt.ProviderMessageId);
    }

    [Fact]
    public async Task SendAsync_ShortValueThatLooksLikeAKey_IsStoredToo()
    {
        var callbacks = _fixture.Host.Services.GetRequiredService<CallbackData>();
        var lookalike = CallbackData.KeyPrefix + "abc";

        var data = await callbacks.EncodeAsync(lookalike, CancellationToken.None);

        Assert.NotEqual(lookalike, data);
        Assert.Equal(lookalike, await callbacks.DecodeAsync(data, CancellationToken.None));
    }

    [Fact]
    public async Task SendAsync_TextImageAndCustomersFile_SendsEachWithTheKeyboardOnTheLast()
    {
        var reply = Reply("4008", "<b>Here</b>") with
        {
            Choices = [new Choice("ok", "OK")],
            Attachments =
            [
                new Attachment("image/png", new Uri("https://shop.test/box.png")),
                new Attachment("application/pdf", TelegramFileReference.ToUrl("BQACAgQAAxkBAAMSdoc"), "receipt.pdf"),
            ],
        };

        await Adapter.SendAsync(reply, CancellationToken.None);

        var calls = _fixture.Api.Requests.Where(r => r.Text("chat_id") == "4008").ToList();
        Assert.Equal(["sendMessage", "sendPhoto", "sendDocument"], calls.Select(c => c.Method));
        Assert.Equal("<b>Here</b>", calls[0].Text("text"));
        Assert.Equal("Html", calls[0].Text("parse_mode"));
        Assert.Equal("https://shop.test/box.png", calls[1].Text("photo"));
        Assert.Equal("BQACAgQAAxkBAAMSdoc", calls[2].Text("document"));
        Assert.False(calls[0].Parameters.TryGetProperty("reply_markup", out _));
        Assert.False(calls[1].Parameters.TryGetProperty("reply_markup", out _));
        Assert.Equal(JsonValueKind.Object, calls[2].Parameters.GetProperty("reply_markup").ValueKind);
    }

    [Fact]
    public async Task SendAsync_Typing_IsSendChatAction()
    {
        var typing = Reply("4009", null) with { Kind = MessageKind.Typing };

        var receipt = await Adapter.SendAsync(typing, CancellationToken.None);

        Assert.Null(receipt.ProviderMessageId);
        var call = Assert.Single(_fixture.Api.Calls("sendChatAction"), r => r.Text("chat_id") == "4009");
        Assert.Equal("typing", call.Text("action"));
    }

    [Fact]
    public async Task SendAsync_ChatIdThatIsNotANumber_IsPermanent()
    {
        var error = await Assert.ThrowsAsync<ChannelSendException>(() => Adapter.SendAsync(Reply("not-a-chat", "hello"), CancellationToken.None));

        Assert.False(error.IsTransient);
    }

    private static BotMessage Reply(string chatId, string? text) => new()
    {
        Id = "out-" + chatId,
        Channel = ChannelId.Telegram,
        Conversation = new ConversationAddress(FakeTelegramBotApi.BotId.ToString(System.Globalization.CultureInfo.InvariantCulture), chatId),
        Text = text,
    };
}
