using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Omnichannel.Bots.Storage;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// One Direct Line WebSocket: first everything after the client's watermark, then each new entry as it is
/// committed, in log order, as <c>{"activities":[...],"watermark":"N"}</c> text frames. Typing indicators go out
/// without a watermark; an empty frame every <see cref="HeartbeatInterval"/> keeps proxies from closing the socket.
/// The client sends nothing (Direct Line 3.0 streams are one-way); its close ends the stream.
/// </summary>
internal sealed class DirectLineStream
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(30);
    private const int PageSize = 100;

    private readonly IActivityLogStore _log;
    private readonly ConversationStreams _streams;

    public DirectLineStream(IActivityLogStore log, ConversationStreams streams)
    {
        _log = log;
        _streams = streams;
    }

    /// <summary>Counts the streams that used WebSocket delivery (tests check Microsoft's client chose it).</summary>
    public long StreamsOpened => Interlocked.Read(ref _opened);

    private long _opened;

    /// <summary>
    /// Starts listening to the conversation. Call it before accepting the WebSocket, so nothing sent while the
    /// handshake completes (a typing indicator is not stored) is missed.
    /// </summary>
    public ConversationStreams.Listener Listen(string conversationId) => _streams.Listen(conversationId);

    public async Task RunAsync(WebSocket socket, ConversationStreams.Listener listener, long after, CancellationToken aborted)
    {
        ArgumentNullException.ThrowIfNull(listener);
        Interlocked.Increment(ref _opened);
        var conversationId = listener.ConversationId;
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var receiving = DrainClientAsync(socket, closed);
        try
        {
            var sent = await SendLogAsync(socket, conversationId, after, closed.Token).ConfigureAwait(false);
            var reader = listener.Signals.Reader;
            while (!closed.IsCancellationRequested)
            {
                using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(closed.Token);
                heartbeat.CancelAfter(HeartbeatInterval);
                bool ready;
                try
                {
                    ready = await reader.WaitToReadAsync(heartbeat.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!closed.IsCancellationRequested)
                {
                    await SendTextAsync(socket, string.Empty, closed.Token).ConfigureAwait(false);
                    continue;
                }

                if (!ready)
                {
                    // Dropped for falling behind: the client reconnects from its watermark.
                    break;
                }

                var logChanged = false;
                while (reader.TryRead(out var signal))
                {
                    if (signal.Transient is { } activity)
                    {
                        await SendTextAsync(socket, new JsonObject { ["activities"] = new JsonArray(activity) }.ToJsonString(), closed.Token).ConfigureAwait(false);
                    }
                    else
                    {
                        logChanged = true;
                    }
                }

                if (logChanged)
                {
                    sent = await SendLogAsync(socket, conversationId, sent, closed.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away.
        }
        finally
        {
            await closed.CancelAsync().ConfigureAwait(false);
            await CloseAsync(socket).ConfigureAwait(false);
            await receiving.ConfigureAwait(false);
        }
    }

    /// <summary>Sends the log after <paramref name="after"/>, a page per frame; returns the last sequence sent.</summary>
    private async Task<long> SendLogAsync(WebSocket socket, string conversationId, long after, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entries = await _log.ReadAsync(conversationId, after, PageSize, cancellationToken).ConfigureAwait(false);
            if (entries.Count == 0)
            {
                return after;
            }

            after = entries[^1].Sequence;
            var set = new JsonObject
            {
                ["activities"] = new JsonArray([.. entries.Select(e => (JsonNode)DirectLineActivities.Read(conversationId, e.Sequence, e.Payload))]),
                ["watermark"] = DirectLineActivities.Watermark(after),
            };
            await SendTextAsync(socket, set.ToJsonString(), cancellationToken).ConfigureAwait(false);
            if (entries.Count < PageSize)
            {
                return after;
            }
        }
    }

    private static Task SendTextAsync(WebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>Reads (and ignores) what the client sends until it closes, then cancels the stream.</summary>
    private static async Task DrainClientAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (!closed.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, closed.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closed either way.
        }
        finally
        {
            await closed.CancelAsync().ConfigureAwait(false);
        }
    }

    private static async Task CloseAsync(WebSocket socket)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                // Already gone.
            }
        }
    }
}
