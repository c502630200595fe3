using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Customers;
using Omnichannel.Bots.Inbound;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>
/// A signed-in web chat visitor sees their earlier messages from other channels (and the answers) at the top of the
/// conversation, each labelled with its channel, through the Direct Line API; an anonymous visitor or another person does not.
/// </summary>
public sealed class OtherChannelHistoryTests
{
    private const string Phone = "+16505550100";

    [Fact]
    public async Task SignedInVisitor_SeesTheirSmsMessagesLabelled_BeforeTheConversationsOwn()
    {
        await using var host = await StartAsync();
        await TextBySmsAsync(host, Phone, "where is my parcel");

        var conversation = await WidgetConversationAsync(host, SignedIdentity("customer-7", Phone));
        var first = await host.GetActivitiesAsync(conversation);
        await host.PostMessageAsync(conversation, "still waiting");
        var after = await host.WaitForBotTextAsync(conversation, "You said: still waiting");
        var later = await host.GetActivitiesAsync(conversation, first.Watermark);

        Assert.Equal(
            [("user", "where is my parcel", "sms", "SMS"), ("bot", "You said: where is my parcel", "sms", "SMS")],
            first.Activities.Select(Labelled));
        Assert.All(first.Activities, a => Assert.StartsWith(conversation.Id + "|history-", a.Id(), StringComparison.Ordinal));
        Assert.Equal(
            ["where is my parcel", "You said: where is my parcel", "still waiting", "You said: still waiting"],
            after.Activities.Select(a => a.Text()));
        Assert.Equal(
            [null, null],
            after.Activities.Skip(2).Select(a => a.TryGetProperty("channelData", out var data) && data.TryGetProperty("history", out var history) ? history.ToString() : null));

        // Read on from a watermark, the history is not repeated.
        Assert.Equal(["still waiting", "You said: still waiting"], later.Activities.Select(a => a.Text()));
    }

    [Fact]
    public async Task AnonymousVisitorOrAnotherSignedInPerson_SeesNoneOfIt()
    {
        await using var host = await StartAsync();
        await TextBySmsAsync(host, Phone, "where is my parcel");

        var anonymous = await WidgetConversationAsync(host, userToken: null);
        var someoneElse = await WidgetConversationAsync(host, SignedIdentity("customer-8", "+16505550199"));

        Assert.Empty((await host.GetActivitiesAsync(anonymous)).Activities);
        Assert.Empty((await host.GetActivitiesAsync(someoneElse)).Activities);
    }

    private static Task<WebChatHost> StartAsync() => WebChatHost.StartAsync(bot =>
    {
        bot.AddRootDialog<EchoDialog>();
        bot.Services.AddSingleton<ChannelAdapter>(new RecordingChannelAdapter(ChannelProfiles.Sms));
    });

    /// <summary>The customer texts the bot by SMS (the provider's From is their number) and the bot answers there.</summary>
    private static async Task TextBySmsAsync(WebChatHost host, string phone, string text)
    {
        var inbox = host.Services.GetRequiredService<IMessageInbox>();
        var message = new BotMessage
        {
            Id = "sms-" + Guid.NewGuid().ToString("N"),
            Channel = ChannelId.Sms,
            Conversation = new ConversationAddress("+15550000000", phone),
            Sender = new Participant(phone) { PhoneNumber = phone, PhoneNumberProvenance = IdentityProvenance.ProviderPhone },
            Text = text,
        };
        await inbox.SubmitAndWaitAsync(message, CancellationToken.None);
    }

    /// <summary>What the widget does: POST /api/webchat/token (from the host's own origin), with the site's signed identity if any.</summary>
    private static async Task<StartedConversation> WidgetConversationAsync(WebChatHost host, string? userToken)
    {
        using var request = host.Request(HttpMethod.Post, "/api/webchat/token", bearer: null, userToken is null ? new { } : new { userToken });
        request.Headers.Add("Origin", host.BaseUrl.GetLeftPart(UriPartial.Authority));
        using var response = await host.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new StartedConversation(body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!, new Uri("ws://unused"));
    }

    private static (string Role, string? Text, string Channel, string ChannelName) Labelled(JsonElement activity)
    {
        var history = activity.GetProperty("channelData").GetProperty("history");
        return (activity.GetProperty("from").GetProperty("role").GetString()!, activity.Text(), history.GetProperty("channel").GetString()!, history.GetProperty("channelName").GetString()!);
    }

    private static string SignedIdentity(string subject, string phone) =>
        WebChatHost.SignedUserToken(new { sub = subject, phone_number = phone, exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds() });

    private sealed class EchoDialog : Dialog<object>
    {
        protected override void Define(DialogSteps<object> steps) => steps
            .Step("echo", async (d, ct) =>
            {
                await d.ReplyAsync("You said: " + d.Turn.Message.Text, ct);
                return StepResult.Wait;
            })
            .Step("again", (d, ct) => Task.FromResult(StepResult.GoTo("echo")));
    }
}
