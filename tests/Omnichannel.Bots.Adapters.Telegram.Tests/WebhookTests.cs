using System.Net;
using System.Text.Json;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Adapters.Telegram.Tests;

/// <summary>POST /api/channels/telegram at its edges: the secret token, bodies that are not updates, redeliveries.</summary>
public sealed class WebhookTests : IClassFixture<TelegramHostFixture>
{
    private readonly TelegramHostFixture _fixture;

    public WebhookTests(TelegramHostFixture fixture)
    {
        _fixture = fixture;
    }

    [Theory]
    [InlineData(null, 920000001)]
    [InlineData("", 920000002)]
    [InlineData("wrong-secret", 920000003)]
    [InlineData(TelegramTestHost.SecretToken + "x", 920000004)]
    public async Task Webhook_MissingOrWrongSecret_Is401AndNothingIsStored(string? secret, int updateId)
    {
        using var response = await _fixture.Host.PostUpdateAsync(Updates.Text(updateId, "let me in"), secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await WebhookAssertions.AssertNeverStoredAsync(_fixture.Host, updateId.ToString(System.Globalization.CultureInfo.InvariantCulture), updateId + 100);
    }

    [Theory]
    [InlineData("{\"update_id\": 1, \"message\": ")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"message\": {\"text\": \"no update id\"}}")]
    [InlineData("{\"update_id\": \"920000010\"}")]
    [InlineData("{\"update_id\": 920000011, \"message\": {\"message_id\": \"not a number\", \"chat\": 5}}")]
    [InlineData("")]
    [InlineData("{\"update_id\": 920000012, \"message\": {\"message_id\": 1, \"date\": 1767225600, \"text\": \"no chat\"}}")]
    [InlineData("{\"update_id\": 920000013, \"callback_query\": {\"data\": \"no id, no sender\"}}")]
    public async Task Webhook_BodyThatIsNotAnUpdate_Is400(string body)
    {
        using var response = await _fixture.Host.PostUpdateAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Webhook_BodyOverTheLimit_Is413AndNothingIsStored()
    {
        var update = Updates.Text(920000020, new string('a', TelegramHostFixture.MaxBodyBytes));

        using var response = await _fixture.Host.PostUpdateAsync(update);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await WebhookAssertions.AssertNeverStoredAsync(_fixture.Host, "920000020", 920000021);
    }

    [Fact]
    public async Task Webhook_SameUpdateDeliveredTwice_IsOneTurnAndOneReply()
    {
        const long chat = 3001;
        var update = Updates.Text(920000030, "hello", chat);

        using (var first = await _fixture.Host.PostUpdateAsync(update))
        using (var second = await _fixture.Host.PostUpdateAsync(update))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        await _fixture.Api.WaitForAsync("sendMessage", match: r => r.Text("chat_id") == "3001");
        // A second message in the chat: its reply is sent after any reply to the first update's turns.
        using (var next = await _fixture.Host.PostUpdateAsync(Updates.Text(920000031, "Small", chat)))
        {
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        }

        await _fixture.Api.WaitForAsync("sendMessage", match: r => r.Text("chat_id") == "3001" && r.Text("text") == "You chose Small.");
        Assert.Single(_fixture.Host.Turns.StartedMessages, m => m.Id == "920000030");
        Assert.Single(_fixture.Api.Calls("sendMessage"), r => r.Text("chat_id") == "3001" && r.Text("text") == "Which size?");
    }

    [Fact]
    public async Task Webhook_DialogWithButtons_RunsEndToEnd()
    {
        const long chat = 3002;
        var api = _fixture.Api;

        using (var response = await _fixture.Host.PostUpdateAsync(Updates.Text(920000040, "hi", chat)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var question = (await api.WaitForAsync("sendMessage", match: r => r.Text("chat_id") == "3002")).Single();
        Assert.Equal("Which size?", question.Text("text"));
        Assert.Equal("Html", question.Text("parse_mode"));
        var markup = question.Parameters.GetProperty("reply_markup");
        var buttons = markup.GetProperty("inline_keyboard").EnumerateArray().Select(row => row.EnumerateArray().Single()).ToList();
        Assert.Equal(["Small", "Large"], buttons.Select(b => b.GetProperty("text").GetString()));
        Assert.Equal("small", buttons[0].GetProperty("callback_data").GetString());
        var largeData = buttons[1].GetProperty("callback_data").GetString()!;
        Assert.StartsWith(CallbackData.KeyPrefix, largeData, StringComparison.Ordinal);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(largeData), 1, 64);
        await api.WaitForAsync("sendChatAction", match: r => r.Text("chat_id") == "3002" && r.Text("action") == "typing");

        using (var pressed = await _fixture.Host.PostUpdateAsync(Updates.Callback(920000041, largeData, markup.GetRawText(), chat)))
        {
            Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        }

        await api.WaitForAsync("answerCallbackQuery", match: r => r.Text("callback_query_id") == "cbq-920000041");
        await api.WaitForAsync("sendMessage", match: r => r.Text("chat_id") == "3002" && r.Text("text") == "You chose Large.");
        var turn = _fixture.Host.Turns.StartedMessages.Single(m => m.Id == "920000041");
        Assert.Equal(SizeDialog.LargeValue, turn.Value);
        Assert.Equal("Large", turn.Text);
    }

    [Fact]
    public async Task Webhook_ButtonWithAnUnknownStoredKey_IsAnsweredAndIgnored()
    {
        var update = Updates.Callback(920000050, CallbackData.KeyPrefix + "unknownkey");

        using var response = await _fixture.Host.PostUpdateAsync(update);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _fixture.Api.WaitForAsync("answerCallbackQuery", match: r => r.Text("callback_query_id") == "cbq-920000050");
        await WebhookAssertions.AssertNeverStoredAsync(_fixture.Host, "920000050", 920000051);
    }

    [Fact]
    public async Task Webhook_ValidJsonThatTheInboxRefuses_Is400()
    {
        var update = JsonSerializer.Serialize(new
        {
            update_id = 920000060,
            message = new { message_id = 1, from = new { id = 5, is_bot = false, first_name = "A" }, chat = new { id = 5, type = "private" }, date = 1767225600, text = new string('a', 70 * 1024) },
        });
        await using var api = await FakeTelegramBotApi.StartAsync();
        await using var host = await TelegramTestHost.StartAsync(api);

        using var response = await host.PostUpdateAsync(update);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("64 KB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
