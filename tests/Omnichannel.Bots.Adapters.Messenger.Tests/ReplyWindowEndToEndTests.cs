using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichannel.Bots.Adapters.Meta.Testing;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Adapters.Messenger.Tests;

/// <summary>
/// Messenger's two windows end to end on a fake clock, through the real outbox and adapter to the Graph API stand-in:
/// the bot's 24 hours, and a human agent's 7 days with the <c>HUMAN_AGENT</c> tag.
/// </summary>
public sealed class ReplyWindowEndToEndTests : IClassFixture<MessengerHostFixture>
{
    private const string Psid = "7400000000000001";

    private readonly MessengerHostFixture _fixture;

    public ReplyWindowEndToEndTests(MessengerHostFixture fixture)
    {
        _fixture = fixture;
    }

    private FakeGraphApi Api => _fixture.Api;

    [Fact]
    public async Task AgentAtDay6_SentWithHumanAgentTag_RefusedAtDay8_BotRefusedAfter24Hours()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(MessengerEvents.Timestamp));
        await using var host = await MessengerTestHost.StartAsync(Api, configureServices: services => services.AddSingleton<TimeProvider>(time));
        using (await host.PostAsync(MessengerEvents.Batch(MessengerTestHost.PageId, MessengerEvents.Text(Psid, "m_window_1", "hi"))))
        {
        }

        Assert.Equal("RESPONSE", Assert.Single(await Api.WaitForSendsAsync(Psid, filter: IsMessage))["messaging_type"]);

        // The reply is marked sent before the clock moves (a send in flight across a day's jump would time out).
        await BotIdle.WaitAsync(host.Services);
        var proactive = host.Services.GetRequiredService<IProactiveMessenger>();
        var chat = new ProactiveRecipient(ChannelId.Messenger, MessengerTestHost.PageId, Psid);
        var agent = new Participant("agent-ada", "Ada");

        time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        var bot = await proactive.SendAsync(chat, new ProactiveMessage("Did that answer your question?"), CancellationToken.None);
        Assert.Equal(ProactiveOutcome.Refused, bot.Outcome);
        Assert.Equal(ReachProblemKind.ReplyWindowClosed, bot.Problem!.Kind);

        time.Advance(TimeSpan.FromDays(5));
        var day6 = await proactive.SendAsync(chat, new ProactiveMessage("Your refund went out today.") { Sender = agent }, CancellationToken.None);
        Assert.Equal(ProactiveOutcome.Queued, day6.Outcome);
        var tagged = Assert.Single(await Api.WaitForSendsAsync(Psid, 2, IsMessage), send => send["message.text"] == "Your refund went out today.");
        Assert.Equal("MESSAGE_TAG", tagged["messaging_type"]);
        Assert.Equal("HUMAN_AGENT", tagged["tag"]);
        await BotIdle.WaitAsync(host.Services);

        time.Advance(TimeSpan.FromDays(2));
        var day8 = await proactive.SendAsync(chat, new ProactiveMessage("Anything else?") { Sender = agent }, CancellationToken.None);
        Assert.Equal(ProactiveOutcome.Refused, day8.Outcome);
        Assert.Contains("7-day human agent window closed", day8.Problem!.Message, StringComparison.Ordinal);
        Assert.Equal(2, Api.SendsTo(Psid).Count(IsMessage));
    }

    private static bool IsMessage(GraphApiRequest request) => request.Body?["message"] is not null;
}
