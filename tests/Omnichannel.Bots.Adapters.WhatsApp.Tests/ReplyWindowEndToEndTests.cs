using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Bots.Adapters.Meta.Testing;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Adapters.WhatsApp.Tests;

/// <summary>
/// WhatsApp's 24-hour customer-service window end to end on a fake clock, through the real outbox and adapter to the
/// Graph API stand-in: free-form messages until 24 hours after the customer's last message, then only a template.
/// </summary>
public sealed class ReplyWindowEndToEndTests : IClassFixture<WhatsAppHostFixture>
{
    private const string From = "12015550499";

    private readonly WhatsAppHostFixture _fixture;

    public ReplyWindowEndToEndTests(WhatsAppHostFixture fixture)
    {
        _fixture = fixture;
    }

    private FakeGraphApi Api => _fixture.Api;

    [Fact]
    public async Task FreeFormAt24HoursMinus1Second_Sent_At24HoursPlus1Second_Refused_TemplateSent()
    {
        // The fixtures' timestamp (1744344496): the customer writes "now" on the fake clock.
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1744344496));
        await using var host = await WhatsAppTestHost.StartAsync(Api, ["Channels:WhatsApp:MarkAsRead=false"], services => services.AddSingleton<TimeProvider>(time));
        using (await host.PostAsync(WhatsAppFixtures.Text(From, "wamid.W1", "hi")))
        {
        }

        await Api.WaitForSendsAsync(From, filter: WebhookTests.IsMessage);

        // The reply is marked sent before the clock moves (a send in flight across a 24-hour jump would time out).
        await BotIdle.WaitAsync(host.Services);
        var proactive = host.Services.GetRequiredService<IProactiveMessenger>();
        var chat = new ProactiveRecipient(ChannelId.WhatsApp, WhatsAppTestHost.PhoneNumberId, From);

        time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        Assert.Equal(ProactiveOutcome.Queued, (await proactive.SendAsync(chat, new ProactiveMessage("Your order shipped."), CancellationToken.None)).Outcome);
        await Api.WaitForSendsAsync(From, 2, WebhookTests.IsMessage);
        await BotIdle.WaitAsync(host.Services);

        time.Advance(TimeSpan.FromSeconds(2));
        var late = await proactive.SendAsync(chat, new ProactiveMessage("It arrives tomorrow."), CancellationToken.None);
        Assert.Equal(ProactiveOutcome.Refused, late.Outcome);
        Assert.Equal(ReachProblemKind.ReplyWindowClosed, late.Problem!.Kind);
        Assert.Contains("template", late.Problem.Message, StringComparison.Ordinal);

        var template = new MessageTemplate("order_update", "en_US") { BodyParameters = ["A-1042"] };
        var sent = await proactive.SendAsync(chat, ProactiveMessage.ForTemplate(template, "Your order A-1042 arrives tomorrow."), CancellationToken.None);
        Assert.Equal(ProactiveOutcome.Queued, sent.Outcome);
        var sends = await Api.WaitForSendsAsync(From, 3, WebhookTests.IsMessage);
        Assert.Equal("template", sends[2]["type"]);
        Assert.Equal("order_update", sends[2]["template.name"]);
        Assert.Equal("en_US", sends[2]["template.language.code"]);
        Assert.DoesNotContain(sends, s => s["text.body"] == "It arrives tomorrow.");
    }
}
