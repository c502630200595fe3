using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Omnichannel.Bots.Adapters.WebChat;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>Posting activities and reading them back by watermark.</summary>
public sealed class DirectLineActivityTests
{
    [Fact]
    public async Task PostMessage_EchoedWithClientActivityId_ThenTheBotsReplyWithSuggestedActions()
    {
        await using var host = await WebChatHost.StartAsync();
        var conversation = await host.StartConversationAsync();

        var posted = await host.PostMessageAsync(conversation, "hi", clientActivityId: "client-1");
        var page = await host.WaitForBotTextAsync(conversation, "How can I help?");

        var echo = page.Activities[0];
        Assert.Equal(posted.GetProperty("id").GetString(), echo.Id());
        Assert.Equal("client-1", echo.ClientActivityId());
        Assert.Equal("user", echo.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal("hi", echo.Text());
        var question = page.Activities.Single(a => a.Text() == "How can I help?");
        Assert.Equal(
            ["Track an order", "Start a return", "Talk to a person"],
            question.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()));
        Assert.Equal("markdown", question.GetProperty("textFormat").GetString());
    }

    [Fact]
    public async Task PostMessage_FromIdOfSomeoneElse_StoredAsTheTokensUser()
    {
        await using var host = await WebChatHost.StartAsync();
        using var generated = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/v3/directline/tokens/generate", WebChatHost.Secret, new { user = new { id = "dl_real-user" } }));
        var token = await generated.Content.ReadFromJsonAsync<JsonElement>();
        var conversation = new StartedConversation(token.GetProperty("conversationId").GetString()!, token.GetProperty("token").GetString()!, new Uri("ws://unused"));
        using var started = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/v3/directline/conversations", conversation.Token));

        await host.PostMessageAsync(conversation, "hi");
        var page = await host.GetActivitiesAsync(conversation);

        Assert.Equal("dl_real-user", page.Activities[0].GetProperty("from").GetProperty("id").GetString());
    }

    [Fact]
    public async Task PostMessage_SameClientActivityIdTwice_OneEchoOneTurn()
    {
        await using var host = await WebChatHost.StartAsync();
        var conversation = await host.StartConversationAsync();

        var first = await host.PostMessageAsync(conversation, "hi", clientActivityId: "retry-me");
        var second = await host.PostMessageAsync(conversation, "hi", clientActivityId: "retry-me");
        await host.WaitUntilIdleAsync();
        var page = await host.GetActivitiesAsync(conversation);

        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        Assert.Single(page.Activities, a => !a.IsFromBot());
        Assert.Single(page.Activities, a => a.Text() == "How can I help?");
    }

    [Theory]
    [InlineData("{\"type\":\"message\",\"text\":")]
    [InlineData("[1,2,3]")]
    [InlineData("\"hello\"")]
    [InlineData("{\"text\":\"no type\"}")]
    [InlineData("{\"type\":\"message\"}")]
    [InlineData("{\"type\":\"message\",\"text\":42}")]
    [InlineData("{\"type\":\"invoke\",\"text\":\"hi\"}")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"channelData\":{\"clientActivityID\":\"\"}}")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"attachments\":[{\"contentType\":\"image/png\",\"contentUrl\":\"javascript:alert(1)\"}]}")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"locale\":\"en_US<script>\"}")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"from\":\"me\"}")]
    public async Task PostMalformedActivity_Is400_NothingStoredNoTurn(string body)
    {
        await using var host = await WebChatHost.StartAsync();
        var conversation = await host.StartConversationAsync();

        using var request = host.Request(HttpMethod.Post, $"/v3/directline/conversations/{conversation.Id}/activities", conversation.Token);
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await host.Http.SendAsync(request);
        await host.WaitUntilIdleAsync();
        var page = await host.GetActivitiesAsync(conversation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadArgument", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(page.Activities);
    }

    [Fact]
    public async Task PostActivity_OverTheSizeLimit_Is413()
    {
        await using var host = await WebChatHost.StartAsync();
        var conversation = await host.StartConversationAsync();

        using var request = host.Request(HttpMethod.Post, $"/v3/directline/conversations/{conversation.Id}/activities", conversation.Token, new { type = "message", text = new string('x', 300 * 1024) });
        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty((await host.GetActivitiesAsync(conversation)).Activities);
    }

    [Fact]
    public async Task PostTyping_AcceptedButNotStored()
    {
        await using var host = await WebChatHost.StartAsync();
        var conversation = await host.StartConversationAsync();

        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Post, $"/v3/directline/conversations/{conversation.Id}/activities", conversation.Token, new { type = "typing" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await host.GetActivitiesAsync(conversation)).Activities);
    }

    [Fact]
    public async Task Watermark_PagesOnlyWhatCameAfterIt()
    {
        await using var host = await WebChatHost.StartAsync();
        var conversation = await host.StartConversationAsync();
        await host.PostMessageAsync(conversation, "hi");
        var first = await host.WaitForBotTextAsync(conversation, "How can I help?");

        await host.PostMessageAsync(conversation, "Track an order");
        await host.WaitForBotTextAsync(conversation, "What's your order number? It's the 5 digits in your confirmation email.");
        var after = await host.GetActivitiesAsync(conversation, first.Watermark);
        var none = await host.GetActivitiesAsync(conversation, after.Watermark);

        Assert.Equal("Track an order", after.Activities[0].Text());
        Assert.DoesNotContain(after.Activities, a => first.Activities.Any(f => f.Id() == a.Id()));
        Assert.Empty(none.Activities);
        Assert.Equal(after.Watermark, none.Watermark);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    public async Task Watermark_NotOneWeIssued_Is400(string watermark)
    {
        await using var host = await WebChatHost.StartAsync();
        var conversation = await host.StartConversationAsync();

        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, $"/v3/directline/conversations/{conversation.Id}/activities?watermark={watermark}", conversation.Token));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Reconnect_GivesAStreamUrlFromTheWatermark()
    {
        await using var host = await WebChatHost.StartAsync();
        var conversation = await host.StartConversationAsync();

        using var response = await host.Http.SendAsync(host.Request(HttpMethod.Get, $"/v3/directline/conversations/{conversation.Id}?watermark=7", conversation.Token));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(conversation.Id, body.GetProperty("conversationId").GetString());
        Assert.Contains("watermark=7", body.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cors_DirectLineAnswersPreflightForAnyOrigin()
    {
        await using var host = await WebChatHost.StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        request.Headers.Add("Origin", "https://shop.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");
        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Authorization", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.Ordinal);
    }
}
