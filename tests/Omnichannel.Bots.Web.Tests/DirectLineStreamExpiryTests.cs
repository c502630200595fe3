using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>
/// A stream lives as long as its conversation has an unexpired token: it closes (1008) when the last one expires, and a
/// client that refreshes its token keeps it. Tokens in stream URLs never reach the logs.
/// </summary>
public sealed class DirectLineStreamExpiryTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task Stream_TokenExpires_ServerClosesWithPolicyViolation()
    {
        var clock = new ShiftableClock();
        await using var host = await WebChatHost.StartAsync(["Channels:WebChat:TokenLifetime=00:15:00"], clock: clock);
        var conversation = await host.StartConversationAsync();
        using var socket = await DirectLineStreamTests.ConnectAsync(conversation.StreamUrl);
        await host.PostMessageAsync(conversation, "hi", "c-1");
        await DirectLineStreamTests.ReceiveUntilAsync(socket, a => a.Text() == "How can I help?");

        clock.Advance(Lifetime + TimeSpan.FromSeconds(1));
        var close = await ReceiveCloseAsync(socket);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, close.CloseStatus);
        Assert.StartsWith("TokenExpired", close.CloseStatusDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_TokenRefreshedBeforeExpiry_StaysOpenUntilTheRefreshedOneExpires()
    {
        var clock = new ShiftableClock();
        await using var host = await WebChatHost.StartAsync(["Channels:WebChat:TokenLifetime=00:15:00"], clock: clock);
        var conversation = await host.StartConversationAsync();
        using var socket = await DirectLineStreamTests.ConnectAsync(conversation.StreamUrl);

        // What Microsoft's Web Chat does every 15 minutes: POST /tokens/refresh with its token; the stream URL keeps the old one.
        clock.Advance(TimeSpan.FromMinutes(10));
        using var refresh = await host.Http.SendAsync(host.Request(HttpMethod.Post, "/v3/directline/tokens/refresh", conversation.Token));
        refresh.EnsureSuccessStatusCode();
        var refreshed = conversation with { Token = (await refresh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()! };

        // Past the first token's expiry (its timer has run when Advance returns): the stream still delivers.
        clock.Advance(TimeSpan.FromMinutes(6));
        await host.PostMessageAsync(refreshed, "hi", "after-refresh");
        var received = await DirectLineStreamTests.ReceiveUntilAsync(socket, a => a.Text() == "How can I help?");
        Assert.Contains(received, r => r.Activity.ClientActivityId() == "after-refresh");

        // Past the refreshed token's expiry, with no newer one: closed.
        clock.Advance(TimeSpan.FromMinutes(10));
        var close = await ReceiveCloseAsync(socket);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, close.CloseStatus);
    }

    [Fact]
    public async Task StreamConnection_LoggedAtTrace_NoLineHasTheToken()
    {
        var logs = new CapturedLogs();
        await using var host = await WebChatHost.StartAsync(
            ["Logging:LogLevel:Default=Trace", "Logging:LogLevel:Microsoft.AspNetCore=Trace", "Logging:LogLevel:Omnichannel.Bots=Trace"],
            configureServices: services => services.AddSingleton<ILoggerProvider>(logs));
        var conversation = await host.StartConversationAsync();
        var token = Uri.UnescapeDataString(System.Web.HttpUtility.ParseQueryString(conversation.StreamUrl.Query)["t"]!);

        using (var socket = await DirectLineStreamTests.ConnectAsync(conversation.StreamUrl))
        {
            await host.PostMessageAsync(conversation, "hi", "c-1");
            await DirectLineStreamTests.ReceiveUntilAsync(socket, a => a.Text() == "How can I help?");
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        // The host logged the stream request (so the check below looked at it), with the token redacted.
        await Testing.Eventually.UntilAsync(
            () => logs.Lines.Any(l => l.Contains($"/conversations/{conversation.Id}/stream", StringComparison.Ordinal) && l.Contains("Request finished", StringComparison.Ordinal)),
            "the host to log the finished stream request",
            () => string.Join(Environment.NewLine, logs.Lines.Where(l => l.Contains("/stream", StringComparison.Ordinal))));
        Assert.Contains(logs.Lines, l => l.Contains("/stream?t=redacted", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(token, StringComparison.Ordinal) || l.Contains(Uri.EscapeDataString(token), StringComparison.Ordinal));
    }

    /// <summary>Reads until the server's close frame (activities and heartbeats before it are skipped).</summary>
    private static async Task<WebSocketReceiveResult> ReceiveCloseAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return result;
            }
        }
    }
}
