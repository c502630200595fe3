using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots;
using Omnichannel.Bots.Knowledge;
using Omnichannel.Bots.Testing;
using SupportBot.Orders;

namespace SupportBot.Tests;

public sealed class SupportDialogTests
{
    private static Task<TestBot> StartAsync() =>
        TestBot.StartAsync(bot => bot.AddSupportBot(), services => services.AddSingleton<IKnowledgeBase>(new SampleKnowledgeBase()).AddSingleton(new HandoffProvider("test")));

    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task OrderStatus_SentenceWithOrderNumber_AnswersWithoutAsking(string channel)
    {
        await using var bot = await StartAsync();
        await new TestConversation(bot, TestChannels.Named(channel))
            .Send("hi")
            .ExpectReply("Hi, I'm the Acme Outdoor support assistant.")
            .ExpectReplyContaining("How can I help?")
            .ExpectChoices("Track an order", "Start a return", "Talk to a person")
            .Send("my order 12345 hasn't arrived")
            .ExpectReplyContaining("Order 12345 (Trail running shoes) shipped on 16 March with DHL")
            .ExpectReplyContaining("Is there anything else I can help with?")
            .ExpectChoices("Yes", "No")
            .Send("no thanks")
            .ExpectReply("Thanks for contacting Acme Outdoor. Have a great day!")
            .RunAsync();
    }

    [Fact]
    public async Task OrderStatus_TrackingLink_RenderedPerChannel()
    {
        await using var bot = await StartAsync();
        await new TestConversation(bot, ChannelProfiles.WebChat, new TestCustomer("web-1"))
            .Send("where is my order 12345?")
            .ExpectReplyContaining("Hi, I'm")
            .ExpectReplyContaining("[Track your parcel](https://tracking.example.com/DHL/JD014600003828)")
            .ExpectReplyContaining("anything else")
            .RunAsync();
        await new TestConversation(bot, ChannelProfiles.Sms, new TestCustomer("sms-1", Phone: "+16502530001"))
            .Send("where is my order 12345?")
            .ExpectReplyContaining("Hi, I'm")
            .ExpectReplyContaining("Track your parcel (https://tracking.example.com/DHL/JD014600003828)")
            .ExpectReplyContaining("anything else")
            .RunAsync();
    }

    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task OrderStatus_UnknownThenValidNumber_ExplainsAndRetries(string channel)
    {
        await using var bot = await StartAsync();
        await new TestConversation(bot, TestChannels.Named(channel))
            .Send("track an order")
            .ExpectReplyContaining("Hi, I'm")
            .ExpectReply("What's your order number? It's the 5 digits in your confirmation email.")
            .Send("99999")
            .ExpectReply("I couldn't find order 99999. Please check the number in your confirmation email. What's your order number? It's the 5 digits in your confirmation email.")
            .Send("it's 34567")
            .ExpectReplyContaining("Order 34567 (Camping stove) was placed on 17 March and is being packed.")
            .ExpectReplyContaining("anything else")
            .RunAsync();
    }

    [Fact]
    public async Task Returns_FullFlowOnSms_UsesNumbersAndKnownPhone()
    {
        await using var bot = await StartAsync();
        var customer = new TestCustomer("jane", Phone: "+16502530000");
        await new TestConversation(bot, ChannelProfiles.Sms, customer)
            .Send("hi")
            .ExpectReplyContaining("Hi, I'm")
            .ExpectReplyContaining("1. Track an order")
            .Send("2")
            .ExpectReply("Which order would you like to return? It's the 5 digits in your confirmation email.")
            .Send("45678")
            .ExpectReplyContaining("Order 45678 was delivered on Sunday 1 February, more than 30 days ago, so it's outside our return window.")
            .Send("23456, it arrived broken")
            .ExpectReply("Order 23456 has 3 items. How many are you returning?")
            .Send("five")
            .ExpectReply("Please answer with a whole number from 1 to 3. Order 23456 has 3 items. How many are you returning?")
            .Send("two")
            .ExpectReply("Which day should the courier collect it? Any weekday in the next two weeks.")
            .Send("saturday")
            .ExpectReplyContaining("The courier doesn't collect at weekends.")
            .Send("next monday")
            .ExpectReply("What email address should I send the return label to?")
            .Send("jane@example")
            .ExpectReplyContaining("That doesn't look like an email address.")
            .Send("Jane@Example.com")
            .ExpectReplyContaining("To confirm: return 2 items from order 23456 (Arrived damaged), collected on Monday 23 March, label to Jane@example.com. Shall I book it?")
            .ExpectChoices("Yes", "No")
            .Send("1")
            .ExpectReply("Done! Your return reference is R-23456-1. The label is on its way to Jane@example.com, and the courier will come on Monday 23 March.")
            .ExpectReplyContaining("anything else")
            .RunAsync();

        var booked = Assert.Single(((SampleOrderService)bot.Services.GetService(typeof(IOrderService))!).Returns);
        Assert.Equal(new ReturnRequest("23456", 2, "Arrived damaged", new DateOnly(2026, 3, 23), "Jane@example.com", "+16502530000"), booked);
    }

    [Fact]
    public async Task Returns_OnWebChat_AsksPhoneAndNormalisesIt()
    {
        await using var bot = await StartAsync();
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("I want to return something")
            .ExpectReplyContaining("Hi, I'm")
            .ExpectReply("Which order would you like to return? It's the 5 digits in your confirmation email.")
            .Send("23456")
            .ExpectReply("Why are you returning it?")
            .ExpectChoices("Arrived damaged", "Wrong size", "Not as described", "Changed my mind")
            .Tap("size")
            .ExpectReplyContaining("How many are you returning?")
            .Send("1")
            .ExpectReplyContaining("Which day should the courier collect it?")
            .Send("tomorrow")
            .ExpectReply("What email address should I send the return label to?")
            .Send("my email is jane@example.com")
            .ExpectReply("What phone number can the courier call on pickup day?")
            .Send("(650) 253-0000")
            .ExpectReplyContaining("To confirm: return 1 item from order 23456 (Wrong size), collected on Thursday 19 March")
            .Tap("yes")
            .ExpectReplyContaining("Done! Your return reference is **R-23456-1**.")
            .ExpectReplyContaining("anything else")
            .RunAsync();

        var booked = Assert.Single(((SampleOrderService)bot.Services.GetService(typeof(IOrderService))!).Returns);
        Assert.Equal("+16502530000", booked.CourierPhone);
    }

    [Fact]
    public async Task Returns_PickupAcrossMidnightInTheBotsTimeZone_ReadsTheLocalDay()
    {
        // 23:30 on Monday 23 March in Los Angeles is already Tuesday 24 March in UTC.
        await using var bot = await TestBot.StartAsync(
            b => b.AddSupportBot().Configure(o => o.TimeZone = "America/Los_Angeles"),
            services => services.AddSingleton<IKnowledgeBase>(new SampleKnowledgeBase()).AddSingleton(new HandoffProvider("test")),
            start: new DateTimeOffset(2026, 3, 24, 6, 30, 0, TimeSpan.Zero));
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("I want to return something")
            .ExpectReplyContaining("Hi, I'm")
            .ExpectReply("Which order would you like to return? It's the 5 digits in your confirmation email.")
            .Send("23456")
            .ExpectReply("Why are you returning it?")
            .Tap("size")
            .ExpectReplyContaining("How many are you returning?")
            .Send("1")
            .ExpectReply("Which day should the courier collect it? Any weekday in the next two weeks.")
            .Send("7 April")
            .ExpectReplyContaining("Please give a date from 24 March 2026 to 6 April 2026.")
            .AdvanceTime(TimeSpan.FromHours(1))
            .Send("tomorrow")
            .ExpectReply("What email address should I send the return label to?")
            .Send("jane@example.com")
            .ExpectReply("What phone number can the courier call on pickup day?")
            .Send("(650) 253-0000")
            .ExpectReplyContaining("collected on Wednesday 25 March")
            .AllowMoreReplies()
            .RunAsync();
    }

    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task TalkToPerson_FromMenu_HandsOff(string channel)
    {
        await using var bot = await StartAsync();
        await new TestConversation(bot, TestChannels.Named(channel))
            .Send("hello")
            .ExpectReplyContaining("Hi, I'm")
            .ExpectReplyContaining("How can I help?")
            .Send("3")
            .ExpectReplyContaining("connecting you with a person")
            .ExpectHandoff("chose to talk to a person")
            .Send("hello? anyone there?")
            .RunAsync();
    }

    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task Help_InsideReturns_ExplainsAndAsksAgain(string channel)
    {
        await using var bot = await StartAsync();
        var help = channel == "sms" ? "what can you do" : "help";
        await new TestConversation(bot, TestChannels.Named(channel))
            .Send("start a return")
            .ExpectReplyContaining("Hi, I'm")
            .ExpectReplyContaining("Which order would you like to return?")
            .Send(help)
            .ExpectReplyContaining("You can return items within 30 days of delivery.")
            .ExpectReplyContaining("Which order would you like to return?")
            .Send("23456")
            .ExpectReplyContaining("Why are you returning it?")
            .ExpectChoices("Arrived damaged", "Wrong size", "Not as described", "Changed my mind")
            .RunAsync();
    }

    [Fact]
    public async Task Journey_StartedOnSms_ContinuesOnWhatsApp()
    {
        await using var bot = await StartAsync();
        var customer = new TestCustomer("sam", Phone: "+447400123456");
        await new TestConversation(bot, ChannelProfiles.Sms, customer)
            .Send("I need to return order 23456")
            .ExpectReplyContaining("Hi, I'm")
            .ExpectReply("Why are you returning it?\n\n1. Arrived damaged\n2. Wrong size\n3. Not as described\n4. Changed my mind")
            .SwitchTo(ChannelProfiles.WhatsApp)
            .Send("it's too small")
            .ExpectReply("Welcome back! On SMS you were answering \"Why are you returning it?\", so let's carry on from there.")
            .ExpectReply("Order 23456 has 3 items. How many are you returning?")
            .RunAsync();
    }

    [Fact]
    public async Task Sms_CarrierKeywordsAreLeftToTheCarrier_MenuCancels()
    {
        await using var bot = await StartAsync();
        await new TestConversation(bot, ChannelProfiles.Sms, new TestCustomer("kim", Phone: "+16502530002"))
            .Send("start a return")
            .ExpectReplyContaining("Hi, I'm")
            .ExpectReplyContaining("Which order")
            .Send("STOP")
            .Send("cancel")
            .Send("menu")
            .ExpectReply("OK, I've stopped that.")
            .ExpectReplyContaining("How can I help?")
            .RunAsync();
    }
}
