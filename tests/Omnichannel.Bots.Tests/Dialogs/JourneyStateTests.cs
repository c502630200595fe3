using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Tests.Dialogs;

public sealed class JourneyStateTests
{
    [Theory]
    [InlineData("sms", "whatsapp")]
    [InlineData("whatsapp", "sms")]
    public async Task State_FollowsTheCustomerAcrossChannels(string first, string second)
    {
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<OrderDialog>());
        var customer = new TestCustomer("ana", Phone: "+16502530000");
        await new TestConversation(bot, TestChannels.Named(first), customer)
            .Send("hi").ExpectReply("Welcome to the T-shirt shop.").ExpectReply("What's your name?")
            .Send("Ana").ExpectReplyContaining("Which size?")
            .SwitchTo(TestChannels.Named(second))
            .Send("Medium")
            .ExpectReply($"Welcome back! On {new ChannelId(first).DisplayName} you were answering \"Which size?\", so let's carry on from there.")
            .ExpectReply("How many?")
            .Send("4")
            .ExpectReply("4 x Medium for Ana.")
            .RunAsync();
    }

    [Fact]
    public async Task State_DifferentCustomersOnOneChannel_AreSeparate()
    {
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<OrderDialog>());
        await new TestConversation(bot, ChannelProfiles.Sms, new TestCustomer("a", Phone: "+16502530001"))
            .Send("hi").ExpectReply("Welcome to the T-shirt shop.").ExpectReply("What's your name?")
            .Send("Ann").ExpectReplyContaining("Which size?")
            .RunAsync();
        await new TestConversation(bot, ChannelProfiles.Sms, new TestCustomer("b", Phone: "+16502530002"))
            .Send("Small")
            .ExpectReply("Welcome to the T-shirt shop.")
            .ExpectReply("What's your name?")
            .RunAsync();
    }

    [Fact]
    public async Task KeepsStateBetweenVisits_DialogEndsAndBeginsAgain_StartsWithItsKeptState()
    {
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<KeepingCounterDialog>());
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("a").ExpectReply("Visit 1.")
            .Send("b").ExpectReply("Visit 2.")
            .Send("start over").ExpectReply("OK, let's start over.").ExpectReply("Visit 1.")
            .Send("c").ExpectReply("Visit 2.")
            .RunAsync();
    }

    [Fact]
    public async Task KeepsStateBetweenVisits_NotSet_EachVisitStartsFresh()
    {
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<CounterDialog>());
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("a").ExpectReply("Visit 1.")
            .Send("b").ExpectReply("Visit 1.")
            .RunAsync();
    }

    private sealed class CounterState
    {
        public int Visits { get; set; }
    }

    private class CounterDialog : Dialog<CounterState>
    {
        protected override void Define(DialogSteps<CounterState> steps) => steps
            .Step("count", async (d, ct) =>
            {
                d.State.Visits++;
                await d.ReplyAsync($"Visit {d.State.Visits}.", ct);
                return StepResult.End;
            });
    }

    private sealed class KeepingCounterDialog : CounterDialog
    {
        public override bool KeepsStateBetweenVisits => true;
    }
}
