using System.Diagnostics;

namespace Benchmarks;

/// <summary>
/// One customer message in flight: posted with its own <c>clientActivityID</c>, answered once its echo and then every
/// scripted bot reply arrived on the conversation's stream. Its fields are written by the stream's receive loop and
/// read by the sender only after <see cref="Answered"/> completed.
/// </summary>
public sealed class PendingRoundTrip
{
    private readonly TaskCompletionSource<string?> _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _replies;

    public PendingRoundTrip(ScriptedMessage message, string clientActivityId)
    {
        Message = message;
        ClientActivityId = clientActivityId;
    }

    public ScriptedMessage Message { get; }

    public string ClientActivityId { get; }

    /// <summary>Stopwatch timestamp taken just before the POST.</summary>
    public long StartedAt { get; private set; }

    /// <summary>Stopwatch timestamp of the frame carrying the first bot reply.</summary>
    public long FirstReplyAt { get; private set; }

    /// <summary>Stopwatch timestamp of the frame carrying the last scripted reply.</summary>
    public long AnsweredAt { get; private set; }

    public bool EchoSeen { get; private set; }

    public int RepliesSeen => Volatile.Read(ref _replies);

    /// <summary>Completes with null when answered as scripted, or with what went wrong.</summary>
    public Task<string?> Answered => _answered.Task;

    public void MarkStarted() => StartedAt = Stopwatch.GetTimestamp();

    public void OnEcho() => EchoSeen = true;

    /// <summary>A bot message after the echo: checked against the script; the last one completes the round trip.</summary>
    public void OnReply(string? text, long receivedAt)
    {
        var index = _replies;
        if (index >= Message.Replies.Count)
        {
            Fail($"'{Message.Text}' got a reply more than the {Message.Replies.Count} scripted: '{text}'");
            return;
        }

        if (text is null || !text.StartsWith(Message.Replies[index], StringComparison.Ordinal))
        {
            Fail($"'{Message.Text}': reply {index + 1} was '{text}', the script expects it to start with '{Message.Replies[index]}'");
            return;
        }

        if (index == 0)
        {
            FirstReplyAt = receivedAt;
        }

        Volatile.Write(ref _replies, index + 1);
        if (index + 1 == Message.Replies.Count)
        {
            AnsweredAt = receivedAt;
            _answered.TrySetResult(null);
        }
    }

    public void Fail(string problem) => _answered.TrySetResult(problem);
}
