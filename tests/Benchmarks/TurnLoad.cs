using System.Diagnostics;
using Omnichannel.Bots;
using Omnichannel.Bots.Storage;

namespace Benchmarks;

/// <summary>
/// Drives conversations through <see cref="Omnichannel.Bots.Inbound.IMessageInbox.SubmitAndWaitAsync"/>:
/// <c>concurrency</c> conversations in flight, each sending its next message as soon as the previous turn committed
/// (a closed loop). Latency is submit → committed outcome.
/// </summary>
public static class TurnLoad
{
    public static async Task<LoadResult> RunAsync(BenchmarkBot bot, string run, int firstConversation, int conversations, int messages, int concurrency)
    {
        var latencies = new long[conversations * messages];
        var next = -1;
        var turnIndex = -1;
        var unexpected = 0;
        long replies = 0;
        string? firstProblem = null;

        async Task WorkerAsync()
        {
            int c;
            while ((c = Interlocked.Increment(ref next)) < conversations)
            {
                var conversation = firstConversation + c;
                for (var m = 0; m < messages; m++)
                {
                    var (text, expected) = ConversationScript.Message(conversation, m, messages);
                    var message = ConversationScript.Build(run, conversation, m, text);
                    var started = Stopwatch.GetTimestamp();
                    var outcome = await bot.Inbox.SubmitAndWaitAsync(message, CancellationToken.None);
                    latencies[Interlocked.Increment(ref turnIndex)] = Stopwatch.GetTimestamp() - started;
                    Interlocked.Add(ref replies, outcome.Replies.Count);
                    if (outcome.IsDuplicate || outcome.Status != TurnStatus.Completed || !outcome.Replies.Any(r => r.Text?.Contains(expected, StringComparison.Ordinal) == true))
                    {
                        Interlocked.Increment(ref unexpected);
                        Interlocked.CompareExchange(
                            ref firstProblem,
                            $"'{text}' (message {m} of conversation {conversation}) → {outcome.Status}: {string.Join(" | ", outcome.Replies.Select(r => r.Text))}",
                            null);
                    }
                }
            }
        }

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, conversations)).Select(_ => Task.Run(WorkerAsync)));
        clock.Stop();
        return new LoadResult(latencies, clock.Elapsed, replies, unexpected, firstProblem);
    }
}
