using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Bots.Adapters.Meta.Testing;
using Omnichannel.Bots.Storage.Sqlite;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Adapters.WhatsApp.Tests;

/// <summary>
/// Replies end to end: a customer's text in, the Graph API calls out as WhatsApp's "Messages" reference documents them
/// (text, reply buttons, a list, numbered text as <see cref="ChannelCapabilities.StyleFor"/> decides, a template, the
/// read receipt with typing), and Meta's refusals through the outbox (131047 fails the row; 130429 is retried after
/// its pause).
/// </summary>
public sealed class OutboundTests : IClassFixture<WhatsAppHostFixture>
{
    private readonly WhatsAppHostFixture _fixture;

    public OutboundTests(WhatsAppHostFixture fixture)
    {
        _fixture = fixture;
    }

    private FakeGraphApi Api => _fixture.Api;

    [Fact]
    public async Task Text_ReplyIsATextMessageWithTheTokenAndTheCustomerMarkedReadWithTyping()
    {
        var send = await ReplyToAsync("12015550401", "wamid.O1", "hello https://example.com");

        Assert.Equal($"/{Meta.MetaChannelOptions.DefaultGraphApiVersion}/{WhatsAppTestHost.PhoneNumberId}/messages", send.Path);
        Assert.Equal(WhatsAppTestHost.AccessToken, send.BearerToken);
        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"12015550401","type":"text","text":{"preview_url":true,"body":"You said: hello https://example.com"}}""",
            send.Body!.ToJsonString());
        await Eventually.UntilAsync(() => Api.Sends.Any(r => r["message_id"] == "wamid.O1"), "the read receipt");
        var read = Api.Sends.Single(r => r["message_id"] == "wamid.O1");
        Assert.Equal("""{"messaging_product":"whatsapp","status":"read","message_id":"wamid.O1","typing_indicator":{"type":"text"}}""", read.Body!.ToJsonString());
    }

    [Fact]
    public async Task TwoChoices_ReplyButtonsWithTheValuesAsIds()
    {
        var send = await ReplyToAsync("12015550402", "wamid.O2", "two");

        Assert.Equal("interactive", send["type"]);
        Assert.Equal("button", send["interactive.type"]);
        Assert.Equal("Pick one", send["interactive.body.text"]);
        Assert.Equal(
            """[{"type":"reply","reply":{"id":"value-1","title":"Option 1"}},{"type":"reply","reply":{"id":"value-2","title":"Option 2"}}]""",
            send["interactive.action.buttons"]);
    }

    [Fact]
    public async Task FiveChoices_AListWithTheConfiguredButtonLabel()
    {
        var send = await ReplyToAsync("12015550403", "wamid.O3", "five");

        Assert.Equal("list", send["interactive.type"]);
        Assert.Equal(WhatsAppOptions.DefaultListButtonLabel, send["interactive.action.button"]);
        var rows = send.Body!["interactive"]!["action"]!["sections"]![0]!["rows"]!.AsArray();
        Assert.Equal(MenuDialog.Choices(5).Select(c => (c.Value, c.Title)), rows.Select(r => (r!["id"]!.GetValue<string>(), r["title"]!.GetValue<string>())));
    }

    [Fact]
    public async Task TwelveChoices_NumberedText()
    {
        var send = await ReplyToAsync("12015550404", "wamid.O4", "twelve");

        Assert.Equal("text", send["type"]);
        Assert.Contains("12. Option 12", send["text.body"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("long titles", 22, "list")]
    [InlineData("longer titles", 30, null)]
    public async Task TitlesOverButtonLimit_ListOrNumberedAsStyleForSays(string ask, int titleLength, string? expected)
    {
        Assert.Equal(expected is null ? null : ChoiceStyle.List, ChannelProfiles.WhatsApp.Capabilities.StyleFor(MenuDialog.Choices(3, titleLength)));
        var send = await ReplyToAsync("120155505" + titleLength.ToString(System.Globalization.CultureInfo.InvariantCulture), "wamid.T" + titleLength, ask);

        Assert.Equal(expected, send["interactive.type"]);
        Assert.Equal(expected is null ? "text" : "interactive", send["type"]);
    }

    [Fact]
    public async Task TextPastAnInteractiveBody_TextFirstThenTheButtonsUnderTheLastParagraph()
    {
        const string from = "12015550406";
        using (await _fixture.Host.PostAsync(WhatsAppFixtures.Text(from, "wamid.O6", "long text")))
        {
        }

        var sends = await Api.WaitForSendsAsync(from, 2, WebhookTests.IsMessage);
        Assert.Equal(MenuDialog.LongTextHead, sends[0]["text.body"]);
        Assert.Equal(MenuDialog.LongTextLastParagraph, sends[1]["interactive.body.text"]);
        Assert.Equal("button", sends[1]["interactive.type"]);
    }

    [Fact]
    public async Task Template_SentAsATemplateWithItsBodyParameters()
    {
        var send = await ReplyToAsync("12015550407", "wamid.O7", "template");

        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"12015550407","type":"template","template":{"name":"hello_world","language":{"code":"en_US"},"components":[{"type":"body","parameters":[{"type":"text","text":"Ada"},{"type":"text","text":"42"}]}]}}""",
            send.Body!.ToJsonString());
    }

    [Fact]
    public async Task ReEngagement131047_RowFailedWithTheWindowWordsAndMetasCodeNotRetried()
    {
        const string from = "12015550408";
        Api.FailNextMessage(GraphApiFailure.ReEngagement);
        await using var host = await WhatsAppTestHost.StartAsync(Api, ["Channels:WhatsApp:MarkAsRead=false"]);
        using (await host.PostAsync(WhatsAppFixtures.Text(from, "wamid.O8", "hi")))
        {
        }

        await Api.WaitForSendsAsync(from, filter: WebhookTests.IsMessage);
        await BotIdle.WaitAsync(host.Services);
        var error = host.Services.GetRequiredService<SqliteDatabase>().Read(db => db.Scalar<string>(
            "SELECT last_error FROM outbox WHERE status = 'failed' AND payload LIKE @p1", $"%{from}%"));
        Assert.Contains("24-hour reply window closed", error, StringComparison.Ordinal);
        Assert.Contains("code 131047", error, StringComparison.Ordinal);
        Assert.Single(Api.SendsTo(from), WebhookTests.IsMessage);
    }

    [Fact]
    public async Task Throughput130429_NotResentWithinTheOneSecondPauseThenResent()
    {
        const string from = "12015550409";
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 18, 10, 0, 0, TimeSpan.Zero));
        await using var host = await WhatsAppTestHost.StartAsync(Api, ["Channels:WhatsApp:MarkAsRead=false"], services => services.AddSingleton<TimeProvider>(clock));
        Api.FailNextMessage(GraphApiFailure.Throughput);
        using (await host.PostAsync(WhatsAppFixtures.Text(from, "wamid.O9", "hi")))
        {
        }

        await Api.WaitForSendsAsync(from, filter: WebhookTests.IsMessage);
        var database = host.Services.GetRequiredService<SqliteDatabase>();
        await Eventually.UntilAsync(
            () => database.Read(db => db.Scalar<long>("SELECT attempts FROM outbox WHERE payload LIKE @p1", $"%{from}%")) == 1,
            "the refused send recorded for a retry");
        clock.Advance(TimeSpan.FromMilliseconds(900));
        await BotIdle.WaitAsync(host.Services);
        Assert.Single(Api.SendsTo(from), WebhookTests.IsMessage);

        // The outbox looks again on its poll interval: the clock moves on a second at a time until the resend.
        await Eventually.UntilAsync(
            () =>
            {
                clock.Advance(TimeSpan.FromMilliseconds(100));
                return Api.SendsTo(from).Count(WebhookTests.IsMessage) >= 2;
            },
            "the resend after the pause");
        var sends = Api.SendsTo(from).Where(WebhookTests.IsMessage).ToList();
        Assert.Equal(sends[0].Body!.ToJsonString(), sends[1].Body!.ToJsonString());
    }

    /// <summary>Sends <paramref name="text"/> from <paramref name="from"/> and returns the bot's (first) reply as the Graph API received it.</summary>
    private async Task<GraphApiRequest> ReplyToAsync(string from, string wamid, string text)
    {
        using (await _fixture.Host.PostAsync(WhatsAppFixtures.Text(from, wamid, text)))
        {
        }

        return (await Api.WaitForSendsAsync(from, filter: WebhookTests.IsMessage))[0];
    }
}
