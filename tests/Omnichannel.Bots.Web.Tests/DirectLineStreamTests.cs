using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Adapters.WebChat;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>The WebSocket stream: history first, then new activities in order, resumable from a watermark.</summary>
public sealed class DirectLineStreamTests
{
    [Fact]
    public async Task Stream_DeliversEchoAndRepliesInLogOrderWithGrowingWatermarks()
    {
        await using var host = await WebChatHost.StartAsync();
        var conversation = await host.StartConversationAsync();
        using var socket = await ConnectAsync(conversation.StreamUrl);

        await host.PostMessageAsync(conversation, "hi", "c-1");
        var received = await ReceiveUntilAsync(socket, a => a.Text() == "How can I help?");
        await host.PostMessageAsync(conversation, "Track an order", "c-2");
        received.AddRange(await ReceiveUntilAsync(socket, a => a.Text()?.StartsWith("What's your order number?", StringComparison.Ordinal) == true));
        var page = await host.GetActivitiesAsync(conversation);

        Assert.Equal(page.Activities.Select(a => a.Id()), received.Select(r => r.Activity.Id()));
        Assert.Equal("c-1", received[0].Activity.ClientActivityId());
        var watermarks = received.Select(r => long.Parse(r.Watermark!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(watermarks.Order(), watermarks);
        Assert.Equal(1, host.Services.GetRequiredService<DirectLineStream>().StreamsOpened);
    }

    [Fact]
    public async Task Stream_FromAWatermark_SendsOnlyWhatCameAfterIt()
    {
        await using var host = await WebChatHost.StartAsync();
        var conversation = await host.StartConversationAsync();
        await host.PostMessageAsync(conversation, "hi");
        var before = await host.WaitForBotTextAsync(conversation, "How can I help?");
        await host.PostMessageAsync(conversation, "Track an order", "after-watermark");
        await host.WaitForBotTextAsync(conversation, "What's your order number? It's the 5 digits in your confirmation email.");

        using var socket = await ConnectAsync(new Uri(conversation.StreamUrl + "&watermark=" + before.Watermark));
        var received = await ReceiveUntilAsync(socket, a => a.Text()?.StartsWith("What's your order number?", StringComparison.Ordinal) == true);

        Assert.Equal("after-watermark", received[0].Activity.ClientActivityId());
        Assert.DoesNotContain(received, r => before.Activities.Any(b => b.Id() == r.Activity.Id()));
    }

    [Fact]
    public async Task Stream_WithoutWatermark_ReplaysTheWholeHistory()
    {
        await using var host = await WebChatHost.StartAsync();
        var conversation = await host.StartConversationAsync();
        await host.PostMessageAsync(conversation, "hi");
        var history = await host.WaitForBotTextAsync(conversation, "How can I help?");

        using var socket = await ConnectAsync(conversation.StreamUrl);
        var received = await ReceiveUntilAsync(socket, a => a.Text() == "How can I help?");

        Assert.Equal(history.Activities.Select(a => a.Id()), received.Select(r => r.Activity.Id()));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("tampered")]
    [InlineData("other-conversation")]
    [InlineData("expired")]
    public async Task Stream_WithABadToken_IsRefused(string kind)
    {
        await using var host = await WebChatHost.StartAsync();
        var conversation = await host.StartConversationAsync();
        var other = await host.StartConversationAsync();
        var url = kind switch
        {
            "missing" => new Uri(conversation.StreamUrl.GetLeftPart(UriPartial.Path)),
            "tampered" => new Uri(conversation.StreamUrl.ToString().Replace("?t=", "?t=x", StringComparison.Ordinal)),
            "expired" => new Uri(conversation.StreamUrl.GetLeftPart(UriPartial.Path) + "?t="
                + Uri.EscapeDataString(DirectLineAuthTests.SignedToken(host, conversation.Id, "dl_x", expiresIn: TimeSpan.FromSeconds(-1)))),
            _ => new Uri(conversation.StreamUrl.GetLeftPart(UriPartial.Path) + "?t=" + Uri.EscapeDataString(other.Token)),
        };

        var error = await Assert.ThrowsAsync<WebSocketException>(() => ConnectAsync(url));

        // A token for another conversation is forbidden, an expired one is 403 TokenExpired (Direct Line 3.0), a missing
        // or forged one is unauthorized.
        Assert.Contains(kind is "other-conversation" or "expired" ? "403" : "401", error.Message, StringComparison.Ordinal);
    }

    internal static async Task<ClientWebSocket> ConnectAsync(Uri url)
    {
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(url, timeout.Token);
        return socket;
    }

    /// <summary>Reads ActivitySets until an activity matches; every activity received, with its set's watermark.</summary>
    internal static async Task<List<(JsonElement Activity, string? Watermark)>> ReceiveUntilAsync(ClientWebSocket socket, Func<JsonElement, bool> last)
    {
        var received = new List<(JsonElement, string?)>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("The server closed the stream.");
            }

            var text = Encoding.UTF8.GetString(message.ToArray());
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            using var set = JsonDocument.Parse(text);
            var watermark = set.RootElement.TryGetProperty("watermark", out var w) ? w.GetString() : null;
            foreach (var activity in set.RootElement.GetProperty("activities").EnumerateArray())
            {
                received.Add((activity.Clone(), watermark));
                if (last(activity))
                {
                    return received;
                }
            }
        }
    }
}
