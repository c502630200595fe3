using System.Diagnostics;
using Omnichannel.Bots;
using Omnichannel.Bots.Storage;

namespace Benchmarks;

/// <summary>
/// Drives <c>handoff</c> conversations through <see cref="Omnichannel.Bots.Inbound.IMessageInbox.SubmitAndWaitAsync"/>:
/// each conversation's messages one after another, conversations in parallel up to <c>concurrency</c>. Every turn must
/// complete with a reply; <c>escalateLast</c> makes the last message <see cref="HandoffScript.AskForPerson"/>, which
/// must hand off, and every other turn must not.
/// </summary>
public static class HandoffLoad
{
    public static async Task<HandoffLoadResult> RunAsync(BenchmarkBot bot, int firstCustomer, int conversations, int messages, int concurrency, bool escalateLast = false)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var all = new long[conversations * messages];
        var last = new long[conversations];
        var next = -1;
        var turnIndex = -1;
        var problems = 0;
        string? firstProblem = null;

        void Problem(string text)
        {
            Interlocked.Increment(ref problems);
            Interlocked.CompareExchange(ref firstProblem, text, null);
        }

        async Task WorkerAsync()
        {
            int c;
            while ((c = Interlocked.Increment(ref next)) < conversations)
            {
                var customer = firstCustomer + c;
                for (var m = 0; m < messages; m++)
                {
                    var escalating = escalateLast && m == messages - 1;
                    var text = escalating ? HandoffScript.AskForPerson : HandoffScript.Message(m);
                    var message = HandoffScript.Build(customer, m, text);
                    var started = Stopwatch.GetTimestamp();
                    var outcome = await bot.Inbox.SubmitAndWaitAsync(message, CancellationToken.None);
                    var elapsed = Stopwatch.GetTimestamp() - started;
                    all[Interlocked.Increment(ref turnIndex)] = elapsed;
                    if (m == messages - 1)
                    {
                        last[c] = elapsed;
                    }

                    if (outcome.IsDuplicate || outcome.Status != TurnStatus.Completed || outcome.Replies.Count == 0 || (outcome.Handoff is not null) != escalating)
                    {
                        Problem($"'{text}' (message {m} of customer {customer}) → {outcome.Status}, handoff {outcome.Handoff?.Reason ?? "none"}: {string.Join(" | ", outcome.Replies.Select(r => r.Text))}");
                    }
                }
            }
        }

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, conversations)).Select(_ => Task.Run(WorkerAsync)));
        clock.Stop();
        return new HandoffLoadResult(all, last, clock.Elapsed, problems, firstProblem);
    }
}
