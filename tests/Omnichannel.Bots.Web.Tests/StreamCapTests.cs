using System.Net;
using System.Net.WebSockets;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>Limits:StreamsPerToken: one stream more than the cap is refused (429 TooManyStreams); the open ones keep working.</summary>
public sealed class StreamCapTests
{
    [Fact]
    public async Task Stream_PastTheCapForOneToken_RefusedWith429WhileTheOpenOnesKeepStreaming()
    {
        await using var host = await WebChatHost.StartAsync(["Limits:StreamsPerToken=2"]);
        var conversation = await host.StartConversationAsync();
        using var first = await DirectLineStreamTests.ConnectAsync(conversation.StreamUrl);
        using var second = await DirectLineStreamTests.ConnectAsync(conversation.StreamUrl);

        using var third = new ClientWebSocket();
        third.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => third.ConnectAsync(conversation.StreamUrl, CancellationToken.None));
        await host.PostMessageAsync(conversation, "hi", "cap-1");
        var onFirst = await DirectLineStreamTests.ReceiveUntilAsync(first, a => a.ClientActivityId() == "cap-1");
        var onSecond = await DirectLineStreamTests.ReceiveUntilAsync(second, a => a.ClientActivityId() == "cap-1");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.HttpStatusCode);
        Assert.Contains(third.HttpResponseHeaders!, h => h.Key.Equals("Retry-After", StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(onFirst);
        Assert.NotEmpty(onSecond);
        Assert.Equal(WebSocketState.Open, first.State);
    }

    [Fact]
    public async Task Stream_AfterOneOfTheCappedStreamsCloses_ANewOneIsAccepted()
    {
        await using var host = await WebChatHost.StartAsync(["Limits:StreamsPerToken=1"]);
        var conversation = await host.StartConversationAsync();
        var other = await host.StartConversationAsync();
        using (var first = await DirectLineStreamTests.ConnectAsync(conversation.StreamUrl))
        {
            using var otherToken = await DirectLineStreamTests.ConnectAsync(other.StreamUrl);
            await Assert.ThrowsAsync<WebSocketException>(() => DirectLineStreamTests.ConnectAsync(conversation.StreamUrl));
            await first.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        ClientWebSocket? again = null;
        await Eventually.UntilAsync(
            async () =>
            {
                try
                {
                    again = await DirectLineStreamTests.ConnectAsync(conversation.StreamUrl);
                    return true;
                }
                catch (WebSocketException)
                {
                    return false;
                }
            },
            "a new stream to be accepted once the first one closed");

        using (again)
        {
            Assert.Equal(WebSocketState.Open, again!.State);
        }
    }
}
