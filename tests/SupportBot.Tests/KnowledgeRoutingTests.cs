using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots;
using Omnichannel.Bots.Knowledge;
using Omnichannel.Bots.Testing;

namespace SupportBot.Tests;

/// <summary>The menu's free text goes to the knowledge base; menu topics and "agent" keep their routes.</summary>
public sealed class KnowledgeRoutingTests
{
    private readonly SampleKnowledgeBase _knowledge = new();

    private Task<TestBot> StartAsync() =>
        TestBot.StartAsync(bot => bot.AddSupportBot(), services => services.AddSingleton<IKnowledgeBase>(_knowledge).AddSingleton(new HandoffProvider("test")));

    [Fact]
    public async Task Question_OnWebChat_FullAnswerWithLinkedCitation()
    {
        await using var bot = await StartAsync();
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("how long does shipping take")
            .ExpectReply("Hi, I'm the Acme Outdoor support assistant.")
            .ExpectReply(reply =>
            {
                Assert.StartsWith("Standard delivery takes **3-5 business days**; express takes 1-2.\n\n## Processing time", reply.Text, StringComparison.Ordinal);
                Assert.Contains("Source: [How long does delivery take?](https://help.acme-outdoor.example/shipping-times)", reply.Text, StringComparison.Ordinal);
            })
            .ExpectChoices("Tracking")
            .RunAsync();

        Assert.Equal(["how long does shipping take"], _knowledge.Asked);
    }

    [Fact]
    public async Task Question_OnSms_ShortAnswer()
    {
        await using var bot = await StartAsync();
        await new TestConversation(bot, ChannelProfiles.Sms, new TestCustomer("sms-7", Phone: "+16502530007"))
            .Send("hi")
            .ExpectReplyContaining("Hi, I'm")
            .ExpectReplyContaining("How can I help?")
            .Send("how long does shipping take?")
            .ExpectReply(SampleKnowledgeBase.ShortAnswer + "\n\nSource: How long does delivery take?\n\nRelated questions:\n\n1. Tracking")
            .Send("1")
            .ExpectReplyContaining("Use the tracking link in your shipping email")
            .RunAsync();
    }

    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task TrackMyOrder_GoesToOrderStatusNotTheKnowledgeBase(string channel)
    {
        await using var bot = await StartAsync();
        await new TestConversation(bot, TestChannels.Named(channel))
            .Send("track my order")
            .ExpectReplyContaining("Hi, I'm")
            .ExpectReply("What's your order number? It's the 5 digits in your confirmation email.")
            .RunAsync();

        Assert.Empty(_knowledge.Asked);
    }

    [Fact]
    public async Task AfterAnAnswer_TrackMyOrder_LeavesTheKnowledgeDialogForOrderStatus()
    {
        await using var bot = await StartAsync();
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("how long does shipping take")
            .ExpectReplyContaining("Hi, I'm")
            .ExpectReplyContaining("3-5 business days")
            .Send("ok, where is my order 12345?")
            .ExpectReplyContaining("Order 12345 (Trail running shoes) shipped on 16 March with DHL")
            .ExpectReplyContaining("Is there anything else I can help with?")
            .Send("no")
            .ExpectReply("Thanks for contacting Acme Outdoor. Have a great day!")
            .RunAsync();

        Assert.Single(_knowledge.Asked);
    }

    [Fact]
    public async Task AfterAnAnswer_Thanks_AsksWhetherThereIsAnythingElse()
    {
        await using var bot = await StartAsync();
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("how long does shipping take")
            .ExpectReplyContaining("Hi, I'm")
            .ExpectReplyContaining("3-5 business days")
            .Send("thanks")
            .ExpectReply("Is there anything else I can help with?")
            .Send("no")
            .ExpectReply("Thanks for contacting Acme Outdoor. Have a great day!")
            .RunAsync();

        Assert.Single(_knowledge.Asked);
    }

    [Fact]
    public async Task AnythingElse_AQuestionInsteadOfYesOrNo_IsAnswered()
    {
        await using var bot = await StartAsync();
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("where is my order 12345?")
            .ExpectReplyContaining("Hi, I'm")
            .ExpectReplyContaining("Order 12345")
            .ExpectReplyContaining("Is there anything else I can help with?")
            .Send("how long does shipping take")
            .ExpectReplyContaining("3-5 business days")
            .RunAsync();

        Assert.Single(_knowledge.Asked);
    }

    [Fact]
    public async Task AfterAnAnswer_AnotherQuestion_AnsweredByTheKnowledgeBase()
    {
        await using var bot = await StartAsync();
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("hello")
            .ExpectReplyContaining("Hi, I'm")
            .ExpectReplyContaining("How can I help?")
            .Send("what does express shipping cost")
            .ExpectReplyContaining("3-5 business days")
            .Send("is shipping free over $50?")
            .ExpectReplyContaining("3-5 business days")
            .RunAsync();

        Assert.Equal(2, _knowledge.Asked.Count);
    }

    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task Agent_StillHandsOff(string channel)
    {
        await using var bot = await StartAsync();
        await new TestConversation(bot, TestChannels.Named(channel))
            .Send("how long does shipping take")
            .ExpectReplyContaining("Hi, I'm")
            .ExpectReplyContaining("3-5 business days")
            .Send("agent")
            .ExpectReplyContaining("bringing in a person")
            .ExpectHandoff("asked for a person")
            .RunAsync();
    }

    [Fact]
    public async Task UnansweredTwice_HandsOffWithTheCount()
    {
        await using var bot = await StartAsync();
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("hi")
            .ExpectReplyContaining("Hi, I'm")
            .ExpectReplyContaining("How can I help?")
            .Send("do you sell gift cards")
            .ExpectReply("I'm not sure I can answer that. Is your question about one of these?")
            .ExpectChoices("Tracking", "Talk to a person")
            .Send("can I pay with bitcoin")
            .ExpectReplyContaining("I still can't find an answer to that.")
            .ExpectHandoff("no confident answer to 2 questions in a row")
            .RunAsync();
    }

    [Fact]
    public async Task Greeting_ShowsTheMenuWithoutAskingTheKnowledgeBase()
    {
        await using var bot = await StartAsync();
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("Hello!")
            .ExpectReplyContaining("Hi, I'm")
            .ExpectReplyContaining("How can I help?")
            .ExpectChoices("Track an order", "Start a return", "Talk to a person")
            .Send("thanks")
            .ExpectReply("Please pick one of the options, or type your question. How can I help?")
            .RunAsync();

        Assert.Empty(_knowledge.Asked);
    }
}
