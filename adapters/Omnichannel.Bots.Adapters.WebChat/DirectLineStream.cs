using System.Net.WebSockets;
using System.Text;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// One Direct Line WebSocket: first everything after the client's watermark, then each new entry as it is
/// committed, in log order, as <c>{"activities":[...],"watermark":"N"}</c> text frames. Typing indicators go out
/// without a watermark; an empty frame every <see cref="HeartbeatInterval"/> keeps proxies from closing the socket.
/// The client sends nothing (Direct Line 3.0 streams are one-way); its close ends the stream. The server closes it
/// (1008, policy violation) once the conversation has no unexpired token: one timer per stream, set for the latest
/// expiry known when it fires, so a client that refreshes its token keeps its stream.
/// </summary>
internal sealed class DirectLineStream
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(30);

    /// <summary>How long a closing stream waits for the client's close frame before dropping the connection.</summary>
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(2);

    private const int PageSize = 100;
    private const string TokenExpiredReason = "TokenExpired: the conversation has no unexpired token.";

    private readonly IActivityLogStore _log;
    private readonly ConversationStreams _streams;
    private readonly ConversationTokenExpiries _expiries;
    private readonly TimeProvider _time;

    public DirectLineStream(IActivityLogStore log, ConversationStreams streams, ConversationTokenExpiries expiries, TimeProvider time)
    {
        _log = log;
        _streams = streams;
        _expiries = expiries;
        _time = time;
    }

    /// <summary>Counts the streams that used WebSocket delivery (tests check Microsoft's client chose it).</summary>
    public long StreamsOpened => Interlocked.Read(ref _opened);

    private long _opened;

    /// <summary>
    /// Starts listening to the conversation. Call it before accepting the WebSocket, so nothing sent while the
    /// handshake completes (a typing indicator is not stored) is missed.
    /// </summary>
    public ConversationStreams.Listener Listen(string conversationId) => _streams.Listen(conversationId);

    /// <summary>
    /// Streams until the client closes, the request is aborted, the listener falls behind, or the conversation's latest
    /// token expires (<paramref name="tokenExpiresAt"/>, the stream URL's token, at least; later ones extend it).
    /// <paramref name="history"/> (activities not in the log, see <see cref="OtherChannelHistory"/>) goes out first, in a
    /// frame without a watermark.
    /// </summary>
    public async Task RunAsync(WebSocket socket, ConversationStreams.Listener listener, long after, IReadOnlyList<string> history, DateTimeOffset tokenExpiresAt, CancellationToken aborted)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(listener);
        ArgumentNullException.ThrowIfNull(history);
        Interlocked.Increment(ref _opened);
        var conversationId = listener.ConversationId;
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var expired = false;
        ITimer? expiry = null;
        void CheckExpiry(object? state)
        {
            var left = _expiries.Latest(conversationId, tokenExpiresAt) - _time.GetUtcNow();
            try
            {
                if (left > TimeSpan.Zero)
                {
                    expiry?.Change(left, Timeout.InfiniteTimeSpan);
                    return;
                }

                Volatile.Write(ref expired, true);
                closed.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The stream ended meanwhile.
            }
        }

        using (expiry = _time.CreateTimer(CheckExpiry, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan))
        {
            CheckExpiry(null);
            var receiving = DrainClientAsync(socket, closed, aborted);
            try
            {
                if (history.Count > 0)
                {
                    await SendTextAsync(socket, DirectLineActivities.UnloggedSet(history), closed.Token).ConfigureAwait(false);
                }

                await SendAsync(socket, listener, after, closed.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                // The client went away, or the token expired.
            }
            finally
            {
                await closed.CancelAsync().ConfigureAwait(false);
                expiry.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                await CloseAsync(socket, receiving, Volatile.Read(ref expired)).ConfigureAwait(false);
            }
        }
    }

    private async Task SendAsync(WebSocket socket, ConversationStreams.Listener listener, long after, CancellationToken closed)
    {
        var conversationId = listener.ConversationId;
        var sent = await SendLogAsync(socket, conversationId, after, closed).ConfigureAwait(false);
        var reader = listener.Signals.Reader;
        while (!closed.IsCancellationRequested)
        {
            using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(closed);
            heartbeat.CancelAfter(HeartbeatInterval);
            bool ready;
            try
            {
                ready = await reader.WaitToReadAsync(heartbeat.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!closed.IsCancellationRequested)
            {
                await SendTextAsync(socket, string.Empty, closed).ConfigureAwait(false);
                continue;
            }

            if (!ready)
            {
                // Dropped for falling behind: the client reconnects from its watermark.
                return;
            }

            var logChanged = false;
            while (reader.TryRead(out var signal))
            {
                if (signal.Transient is { } frame)
                {
                    await SendTextAsync(socket, frame, closed).ConfigureAwait(false);
                }
                else
                {
                    logChanged = true;
                }
            }

            if (logChanged)
            {
                sent = await SendLogAsync(socket, conversationId, sent, closed).ConfigureAwait(false);
            }
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
            await SendTextAsync(socket, DirectLineActivities.ActivitySet(conversationId, entries, after), cancellationToken).ConfigureAwait(false);
            if (entries.Count < PageSize)
            {
                return after;
            }
        }
    }

    private static Task SendTextAsync(WebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>
    /// Reads (and ignores) what the client sends until it closes, then cancels the stream. It is not cancelled by the
    /// stream ending (cancelling a receive aborts a WebSocket, and the server's close frame would never go out): the
    /// client's answering close frame, the connection dropping or the request aborting ends it.
    /// </summary>
    private static async Task DrainClientAsync(WebSocket socket, CancellationTokenSource closed, CancellationToken aborted)
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, aborted).ConfigureAwait(false);
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
            try
            {
                await closed.CancelAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // The stream has ended.
            }
        }
    }

    /// <summary>
    /// Sends the close frame (1000, or 1008 when the conversation's tokens have expired), waits a moment for the
    /// client's, and drops the connection if it does not come.
    /// </summary>
    private async Task CloseAsync(WebSocket socket, Task receiving, bool tokenExpired)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(CloseHandshakeTimeout, _time);
            try
            {
                await (tokenExpired
                    ? socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, TokenExpiredReason, timeout.Token)
                    : socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                // Already gone.
            }
        }

        if (await Task.WhenAny(receiving, Task.Delay(CloseHandshakeTimeout, _time)).ConfigureAwait(false) != receiving)
        {
            socket.Abort();
        }

        await receiving.ConfigureAwait(false);
    }
}
