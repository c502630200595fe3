using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Tests.Dialogs;

public sealed class WaterfallTests
{
    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task Steps_RunInOrder_StateCarriesAcrossTurns(string channel)
    {
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<OrderDialog>());
        await new TestConversation(bot, TestChannels.Named(channel))
            .Send("hi")
            .ExpectReply("Welcome to the T-shirt shop.")
            .ExpectReply("What's your name?")
            .Send("Ana")
            .ExpectReplyContaining("Which size?")
            .ExpectChoices("Small", "Medium", "Large")
            .Send("2")
            .ExpectReply("How many?")
            .Send("3")
            .ExpectReply("3 x Medium for Ana.")
            .RunAsync();
    }

    [Fact]
    public async Task ChoicePrompt_ButtonTapOnWebChat_TitleOnSms_SameAnswer()
    {
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<OrderDialog>());
        await new TestConversation(bot, ChannelProfiles.WebChat, new TestCustomer("web"))
            .Send("hi").ExpectReply("Welcome to the T-shirt shop.").ExpectReply("What's your name?")
            .Send("Bo").ExpectReply(r => Assert.Equal(3, r.Choices.Count))
            .Tap("Large")
            .ExpectReply("How many?")
            .Send("1").ExpectReply("1 x Large for Bo.")
            .RunAsync();
        await new TestConversation(bot, ChannelProfiles.Sms, new TestCustomer("sms"))
            .Send("hi").ExpectReply("Welcome to the T-shirt shop.").ExpectReply("What's your name?")
            .Send("Bo").ExpectReply("Which size?\n\n1. Small\n2. Medium\n3. Large")
            .Send("large")
            .ExpectReply("How many?")
            .Send("1").ExpectReply("1 x Large for Bo.")
            .RunAsync();
    }

    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task Prompt_ValidatorRefuses_ToldWhyAndAskedAgain(string channel)
    {
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<OrderDialog>());
        await new TestConversation(bot, TestChannels.Named(channel))
            .Send("hi").ExpectReply("Welcome to the T-shirt shop.").ExpectReply("What's your name?")
            .Send("A")
            .ExpectReply("Names have at least 2 letters. What's your name?")
            .Send("Al")
            .ExpectReplyContaining("Which size?")
            .RunAsync();
    }

    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task Prompt_RetryLimitReached_ApologisesAndEndsDialog(string channel)
    {
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<OrderDialog>());
        await new TestConversation(bot, TestChannels.Named(channel))
            .Send("hi").ExpectReply("Welcome to the T-shirt shop.").ExpectReply("What's your name?")
            .Send("Ana").ExpectReplyContaining("Which size?")
            .Send("Small").ExpectReply("How many?")
            .Send("9")
            .ExpectReply("Please answer with a whole number from 1 to 5. How many?")
            .Send("2.5")
            .ExpectReply("Sorry, I'm not getting this right.")
            .Send("hello again")
            .ExpectReply("Welcome to the T-shirt shop.")
            .ExpectReply("What's your name?")
            .RunAsync();
    }

    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task ChildDialog_Completes_ParentReadsItsStateAndContinues(string channel)
    {
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<ShippingDialog>().AddDialog<AddressDialog>());
        await new TestConversation(bot, TestChannels.Named(channel))
            .Send("hi")
            .ExpectReply("Let's get your address.")
            .ExpectReply("Which city do we ship to?")
            .Send("Lisbon")
            .ExpectReply("Shipping to Lisbon.")
            .RunAsync();
    }

    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task ChildDialog_GivesUp_ParentContinuesWithoutItsValue(string channel)
    {
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<ShippingDialog>().AddDialog<AddressDialog>());
        await new TestConversation(bot, TestChannels.Named(channel))
            .Send("hi")
            .ExpectReply("Let's get your address.")
            .ExpectReply("Which city do we ship to?")
            .Send("ab")
            .ExpectReply("Please answer in 3 to 60 characters. Which city do we ship to?")
            .Send("xy")
            .ExpectReply("Sorry, I'm not getting this right.")
            .ExpectReply("No address, so I'll hold the parcel.")
            .RunAsync();
    }

    [Fact]
    public async Task ChildDialog_NotRegistered_FailsAtStartWithItsName()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestBot.StartAsync(b => b.AddRootDialog<ShippingDialog>()));
        Assert.Contains(nameof(AddressDialog), error.ToString(), StringComparison.Ordinal);
    }
}
