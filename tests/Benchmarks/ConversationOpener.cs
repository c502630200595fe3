using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;

namespace Benchmarks;

/// <summary>
/// Opens conversations a bounded number at a time (each: start it with the secret, connect its WebSocket), so that
/// the server's listen backlog and the client's connect timeouts are never what is measured.
/// </summary>
public static class ConversationOpener
{
    private static readonly TimeSpan OpenTimeout = TimeSpan.FromSeconds(30);

    public static async Task<OpenedConversations> OpenAsync(DirectLineClient client, int conversations, int parallelism)
    {
        var opened = new ChatConversation?[conversations];
        var failures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, conversations),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (index, cancellationToken) =>
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(OpenTimeout);
                try
                {
                    opened[index] = await ChatConversation.OpenAsync(client, index, timeout.Token);
                }
                catch (Exception ex) when (ex is HttpRequestException or DirectLineException or WebSocketException or OperationCanceledException)
                {
                    failures.Enqueue($"conversation {index}: {ex.GetType().Name}: {ex.Message}");
                }
            });
        return new OpenedConversations([.. opened.OfType<ChatConversation>()], [.. failures], clock.Elapsed);
    }
}

/// <summary>The conversations that opened (stream connected), why the others did not, and how long it all took.</summary>
public sealed record OpenedConversations(IReadOnlyList<ChatConversation> Open, IReadOnlyList<string> Failures, TimeSpan Elapsed);
