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
}
