using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>
/// The provider error cases (drivers that are <see cref="IProviderDriver"/>): which refusals are retried, and when,
/// on the host's <see cref="ConformanceSetup.Clock"/>.
/// </summary>
internal static class ProviderErrorCases
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    /// <summary>The send is refused with <paramref name="status"/> and a Retry-After; one second short of it nothing is resent, at it the send is resent.</summary>
    public static async Task ResentOnlyAfterRetryAfterAsync(ConformanceRun run, int status)
    {
        const string customer = "customer-retry-after";
        var reply = await RefusedFirstAsync(run, customer, new ProviderAnswer(status, RetryAfter), "hello while the provider is busy");

        // The retry is scheduled from this moment: the clock has not moved since the refused send.
        await run.WaitUntilAsync(() => run.CountAttemptedReplies("pending") == 1, "the outbox to schedule the retry");
        run.Clock.Advance(RetryAfter - Tick);
        await BotIdle.WaitAsync(run.Driver.Services);
        var early = await run.CountReceivedAsync(customer, reply);
        Assert.True(early == 1, $"After a {status} asking to wait {RetryAfter.TotalSeconds} s, the provider received the reply {early} times within {(RetryAfter - Tick).TotalSeconds} s; expected once.");

        run.Clock.Advance(Tick);
        await ResentAsync(run, customer, reply);
    }

    /// <summary>The send is refused with a 500 and no Retry-After; it is resent after the outbox's backoff.</summary>
    public static async Task ResentAsync(ConformanceRun run)
    {
        const string customer = "customer-server-error";
        var reply = await RefusedFirstAsync(run, customer, new ProviderAnswer(500), "hello while the provider fails");
        await run.WaitUntilAsync(() => run.CountAttemptedReplies("pending") == 1, "the outbox to schedule the retry");
        await ResentAsync(run, customer, reply);
    }

    /// <summary>The send is refused with a 400; it is marked failed, never resent however long the clock runs, and the next reply is sent.</summary>
    public static async Task NeverResentAsync(ConformanceRun run)
    {
        const string customer = "customer-client-error";
        var reply = await RefusedFirstAsync(run, customer, new ProviderAnswer(400), "hello the provider refuses");
        await run.WaitUntilAsync(() => run.CountAttemptedReplies("failed") == 1, "the outbox to mark the refused reply failed");
        run.Clock.Advance(TimeSpan.FromHours(1));
        await BotIdle.WaitAsync(run.Driver.Services);
        var sends = await run.CountReceivedAsync(customer, reply);
        Assert.True(sends == 1, $"A reply the provider refused with 400 was sent {sends} times; a 4xx other than 429 is permanent.");

        // The conversation is not held behind the failed reply.
        const string next = "hello after the refusal";
        await run.SayAsync(customer, next);
        await run.WaitForTextAsync(customer, ConformanceScript.Echo(next));
    }

    /// <summary>Makes the provider refuse the next send, delivers <paramref name="text"/>, and waits until the provider received its reply once.</summary>
    private static async Task<string> RefusedFirstAsync(ConformanceRun run, string customer, ProviderAnswer answer, string text)
    {
        var provider = (IProviderDriver)run.Driver;
        var reply = ConformanceScript.Echo(text);
        provider.AnswerNextSend(answer);
        await run.SayAsync(customer, text);
        await run.WaitForOutboundAsync(
            customer, messages => messages.Any(m => m.Text.Contains(reply, StringComparison.Ordinal)), $"the reply the provider answers {answer.StatusCode}", moveClock: false);
        return reply;
    }

    /// <summary>Moves the clock a second at a time until the provider received the reply a second time, and the outbox marked it sent.</summary>
    private static async Task ResentAsync(ConformanceRun run, string customer, string reply)
    {
        await run.WaitUntilAsync(
            async () =>
            {
                if (await run.CountReceivedAsync(customer, reply) >= 2)
                {
                    return true;
                }

                run.Clock.Advance(Tick);
                return false;
            },
            "the refused reply to be sent again");
        await run.WaitUntilAsync(() => run.CountAttemptedReplies("sent") == 1, "the outbox to mark the resent reply sent");
        Assert.Equal(2, await run.CountReceivedAsync(customer, reply));
    }
}
