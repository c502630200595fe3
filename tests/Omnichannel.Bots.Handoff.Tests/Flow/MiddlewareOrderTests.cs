using System.Collections.Concurrent;
using Omnichannel.Bots.Handoff.Tests.Support;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Handoff.Tests.Flow;

/// <summary>The handoff router runs outermost because its order says so, whether AddHandoff() comes before or after other middleware.</summary>
public sealed class MiddlewareOrderTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AddHandoff_BeforeOrAfterOtherMiddleware_RouterRunsOutermost(bool handoffAddedFirst)
    {
        // The router hands "agent" to people without calling the rest of the pipeline: an inner middleware never sees it.
        var seen = new ConcurrentQueue<string?>();
        TurnMiddleware recording = (turn, next, ct) =>
        {
            seen.Enqueue(turn.Message.Text);
            return next(turn, ct);
        };
        await using var bot = await TestBot.StartAsync(b =>
        {
            b.AddRootDialog<QaDialog>();
            if (handoffAddedFirst)
            {
                b.AddHandoff(o => o.WatchForChanges = false).Use(recording, name: "recording");
            }
            else
            {
                b.Use(recording, name: "recording").AddHandoff(o => o.WatchForChanges = false);
            }
        });

        await new TestConversation(bot, ChannelProfiles.WebChat).Send("agent").ExpectHandoff().ExpectReplyContaining("I'm passing this conversation to our team.").RunAsync();

        Assert.Empty(seen);
    }
}
