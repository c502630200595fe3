using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Testing;
using Omnichannel.Bots.Tests.Dialogs;

namespace Omnichannel.Bots.Tests.Hosting;

/// <summary>The turn middleware order is stated where the middleware is added, not taken from the order of registrations.</summary>
public sealed class TurnMiddlewareOrderTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Use_StatedOrders_RunInThatOrderWhateverTheRegistrationOrder(bool outerAddedFirst)
    {
        var calls = new ConcurrentQueue<string>();
        await using var bot = await TestBot.StartAsync(b =>
        {
            b.AddRootDialog<OrderDialog>();
            if (outerAddedFirst)
            {
                b.Use(Recording("outer", calls), order: -10, name: "outer").Use(Recording("inner", calls), order: 10, name: "inner");
            }
            else
            {
                b.Use(Recording("inner", calls), order: 10, name: "inner").Use(Recording("outer", calls), order: -10, name: "outer");
            }
        });

        await new TestConversation(bot, ChannelProfiles.WebChat).Send("hi").ExpectReply("Welcome to the T-shirt shop.").ExpectReply("What's your name?").RunAsync();

        Assert.Equal(["outer", "inner"], calls);
        Assert.Equal(["outer", "inner"], bot.Services.GetRequiredService<TurnPipeline>().Names);
    }

    [Fact]
    public async Task Use_EqualOrders_FirstAddedIsOutermost()
    {
        var calls = new ConcurrentQueue<string>();
        await using var bot = await TestBot.StartAsync(b => b
            .AddRootDialog<OrderDialog>()
            .Use(Recording("first", calls), name: "first")
            .Use(Recording("second", calls), name: "second"));

        await new TestConversation(bot, ChannelProfiles.WebChat).Send("hi").ExpectReply("Welcome to the T-shirt shop.").ExpectReply("What's your name?").RunAsync();

        Assert.Equal(["first", "second"], calls);
    }

    private static TurnMiddleware Recording(string name, ConcurrentQueue<string> calls) => (turn, next, ct) =>
    {
        calls.Enqueue(name);
        return next(turn, ct);
    };
}
