using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;

namespace Benchmarks;

/// <summary>
/// One web chat customer: a Direct Line conversation with its WebSocket stream held open for the whole run, and at
/// most one message in flight. The receive loop reads every frame the server pushes (empty frames are heartbeats),
/// matches the echo of our message by its <c>clientActivityID</c> and checks the bot's replies against the script.
/// Anything unexpected fails the conversation, which then sends nothing more.
/// </summary>
public sealed class ChatConversation
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(10);

    private readonly StartedConversation _started;
    private readonly ClientWebSocket _socket;
    private readonly Task _receiving;
    private PendingRoundTrip? _pending;
    private string? _problem;
    private volatile bool _closing;
    private volatile StreamState _stream = StreamState.Open;
    private long _step;

    private ChatConversation(int index, StartedConversation started, ClientWebSocket socket)
    {
        Index = index;
        _started = started;
        _socket = socket;
        _receiving = Task.Run(ReceiveAsync);
    }

    public int Index { get; }

    /// <summary>How the stream ended; <see cref="StreamState.Open"/> while it is open.</summary>
    public StreamState Stream => _stream;

    /// <summary>The first thing that went wrong, or null.</summary>
    public string? Problem => Volatile.Read(ref _problem);

    public bool Failed => Problem is not null;

    /// <summary>Messages sent so far (the script's next step).</summary>
    public long Sent => Interlocked.Read(ref _step);

    /// <summary>Starts a conversation with the secret and connects its stream.</summary>
    public static async Task<ChatConversation> OpenAsync(DirectLineClient client, int index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var started = await client.StartConversationAsync(cancellationToken);
        var socket = await DirectLineClient.ConnectStreamAsync(started, cancellationToken);
        return new ChatConversation(index, started, socket);
    }

    /// <summary>
    /// Sends the script's next message and waits for its whole answer. Returns the round trip when it was answered as
    /// scripted; null when it failed (see <see cref="Problem"/>).
    /// </summary>
    public async Task<PendingRoundTrip?> SendNextAsync(DirectLineClient client, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(client);
        var step = _step;
        var message = WebChatScript.Message(Index, step);
        var pending = new PendingRoundTrip(message, string.Create(CultureInfo.InvariantCulture, $"c{Index}-m{step}"));
        Volatile.Write(ref _pending, pending);
        pending.MarkStarted();
        try
        {
            await client.PostMessageAsync(_started, message.Text, pending.ClientActivityId, CancellationToken.None);
            var problem = await pending.Answered.WaitAsync(timeout);
            if (problem is not null)
            {
                Fail(problem);
                return null;
            }
        }
        catch (TimeoutException)
        {
            Fail($"'{message.Text}' (message {step}) was not answered within {timeout.TotalSeconds:0} s: echo {(pending.EchoSeen ? "seen" : "not seen")}, " +
                $"{pending.RepliesSeen} of {message.Replies.Count} replies");
            return null;
        }
        catch (Exception ex) when (ex is HttpRequestException or DirectLineException or TaskCanceledException)
        {
            Fail($"'{message.Text}' (message {step}) could not be posted: {ex.Message}");
            return null;
        }
        finally
        {
            Volatile.Write(ref _pending, null);
        }

        Interlocked.Increment(ref _step);
        return pending;
    }

    /// <summary>Closes the stream from our side and waits for the server's close; false when that did not happen cleanly.</summary>
    public async Task<bool> CloseAsync()
    {
        _closing = true;
        using var timeout = new CancellationTokenSource(CloseTimeout);
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }

            await _receiving.WaitAsync(timeout.Token);
            return Stream == StreamState.ClosedByUs;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            Fail("closing the stream: " + ex.Message);
            return false;
        }
        finally
        {
            _socket.Dispose();
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[4096];
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var result = await _socket.ReceiveAsync(buffer.AsMemory(filled), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _stream = _closing ? StreamState.ClosedByUs : StreamState.ClosedByServer;
                    if (!_closing)
                    {
                        Fail($"the server closed the stream ({_socket.CloseStatus} {_socket.CloseStatusDescription})");
                    }

                    return;
                }

                filled += result.Count;
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var receivedAt = Stopwatch.GetTimestamp();
                if (filled > 0)
                {
                    OnFrame(buffer.AsMemory(0, filled), receivedAt);
                }

                filled = 0;
            }
        }
        catch (Exception ex) when (ex is WebSocketException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            _stream = _closing ? StreamState.ClosedByUs : StreamState.Broken;
            if (!_closing)
            {
                Fail("the stream broke: " + ex.Message);
            }
        }
        finally
        {
            // A message still waiting will get no answer on this stream.
            Volatile.Read(ref _pending)?.Fail(Problem ?? "the stream ended");
        }
    }

    /// <summary>An ActivitySet: <c>{"activities":[...],"watermark":"N"}</c>.</summary>
    private void OnFrame(ReadOnlyMemory<byte> frame, long receivedAt)
    {
        using var set = JsonDocument.Parse(frame);
        foreach (var activity in set.RootElement.GetProperty("activities").EnumerateArray())
        {
            if (activity.GetProperty("type").GetString() != "message")
            {
                // Typing indicators are not answers.
                continue;
            }

            var pending = Volatile.Read(ref _pending);
            var fromBot = activity.GetProperty("from").GetProperty("role").GetString() == "bot";
            var text = activity.TryGetProperty("text", out var value) ? value.GetString() : null;
            if (!fromBot)
            {
                var clientActivityId = activity.TryGetProperty("channelData", out var data) && data.TryGetProperty("clientActivityID", out var id) ? id.GetString() : null;
                if (pending is null || pending.EchoSeen || clientActivityId != pending.ClientActivityId)
                {
                    Fail($"the stream echoed a customer message we were not waiting for: '{text}' ({clientActivityId})");
                    pending?.Fail(Problem!);
                    return;
                }

                pending.OnEcho();
            }
            else if (pending is null || !pending.EchoSeen)
            {
                Fail($"the bot said '{text}' while no message of ours was waiting for an answer");
                pending?.Fail(Problem!);
                return;
            }
            else
            {
                pending.OnReply(text, receivedAt);
            }
        }
    }

    private void Fail(string problem)
    {
        var described = string.Create(CultureInfo.InvariantCulture, $"conversation {Index} ({_started.Id}): {problem}");
        Interlocked.CompareExchange(ref _problem, described, null);
    }
}

/// <summary>Where a conversation's WebSocket stream stands.</summary>
public enum StreamState
{
    Open,

    /// <summary>We closed it at the end of the run, and the server completed the close handshake.</summary>
    ClosedByUs,

    /// <summary>The server sent a close frame while the run still needed the stream.</summary>
    ClosedByServer,

    /// <summary>The connection failed (reset, protocol error).</summary>
    Broken,
}
