using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Knowledge.Tests.Answers;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Knowledge.Tests.Dialogs;

public sealed class KnowledgeDialogTests
{
    private const string Handoff = "I'm bringing in a person from our team. They'll see this conversation, so you won't need to repeat yourself.";

    private static ScriptedKnowledgeBase Script() => new ScriptedKnowledgeBase(AnswerArticles.All)
        .On("shipping", KnowledgeDecision.Answer, "shipping-times")
        .On("refund", KnowledgeDecision.Clarify, "refund-timing", "returns-policy")
        .On("llama", KnowledgeDecision.Decline, "shipping-times", "track-an-order")
        .On("alpaca", KnowledgeDecision.Decline);

    private static Task<TestBot> StartAsync(IKnowledgeBase knowledge, Action<KnowledgeDialogOptions>? configure = null) =>
        TestBot.StartAsync(
            bot => bot.AddKnowledgeAnswers(configure).AddRootDialog<KnowledgeDialog>(),
            services => services.AddSingleton(knowledge).AddSingleton(new HandoffProvider("test")));

    [Fact]
    public async Task Answer_OnWebChat_FullAnswerCitationAndRelatedButtons()
    {
        await using var bot = await StartAsync(Script());
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("how long does shipping take?")
            .ExpectReply(reply =>
            {
                Assert.StartsWith("Standard delivery takes **3-5 business days**; express takes 1-2.", reply.Text, StringComparison.Ordinal);
                Assert.Contains("## Processing time", reply.Text, StringComparison.Ordinal);
                Assert.EndsWith(
                    "Source: [How long does delivery take?](https://help.acme-outdoor.example/shipping-times)\n\nRelated questions:",
                    reply.Text,
                    StringComparison.Ordinal);
            })
            .ExpectChoices("Track an order", "International orders")
            .RunAsync();
    }

    [Fact]
    public async Task Answer_OnSms_ShortAnswerPlainCitationNumberedRelated()
    {
        await using var bot = await StartAsync(Script());
        await new TestConversation(bot, ChannelProfiles.Sms, new TestCustomer("sms-1", Phone: "+16502530001"))
            .Send("how long does shipping take?")
            .ExpectReply("Standard delivery takes 3-5 business days; express 1-2.\n\nSource: How long does delivery take?\n\nRelated questions:\n\n1. Track an order")
            .Send("1")
            .ExpectReply("Use the tracking link in your shipping email.\n\nSource: Track an order\n\nRelated questions:\n\n1. How long does delivery take?")
            .RunAsync();
    }

    [Fact]
    public async Task Ask_CustomerLocaleAndChannel_PassedAsFilter()
    {
        var knowledge = Script();
        await using var bot = await StartAsync(knowledge, o => o.Tags.Add("public"));
        await new TestConversation(bot, ChannelProfiles.WhatsApp)
            .Send("how long does shipping take?", m => m with { Locale = "en-GB" })
            .ExpectReplyContaining(AnswerArticles.ShippingShort)
            .RunAsync();

        var (question, filter) = Assert.Single(knowledge.Asked);
        Assert.Equal("how long does shipping take?", question);
        Assert.Equal("en-GB", filter.Locale);
        Assert.Equal("whatsapp", filter.Channel);
        Assert.Equal(["public"], filter.Tags);
    }

    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task Clarify_ThenPick_AnswersThePickedArticleWithoutSearching(string channel)
    {
        var knowledge = Script();
        await using var bot = await StartAsync(knowledge);
        var conversation = new TestConversation(bot, TestChannels.Named(channel))
            .Send("where is my refund")
            .ExpectReplyContaining("Did you mean one of these?")
            .ExpectChoices("When will I get my refund?", "Returns policy");
        conversation = channel == "sms" ? conversation.Send("2") : conversation.Tap("kb:article:returns-policy");
        await conversation
            .ExpectReplyContaining("You have 30 days.")
            .RunAsync();

        Assert.Single(knowledge.Asked);
    }

    [Fact]
    public async Task Decline_Twice_HandsOffWithTheCount()
    {
        await using var bot = await StartAsync(Script());
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("do you sell llama food?")
            .ExpectReply("I'm not sure I can answer that. Is your question about one of these?")
            .ExpectChoices("How long does delivery take?", "Track an order", "Talk to a person")
            .Send("what about alpacas then")
            .ExpectReply("Sorry, I still can't find an answer to that. " + Handoff)
            .ExpectHandoff("no confident answer to 2 questions in a row")
            .Send("hello?")
            .RunAsync();
    }

    [Fact]
    public async Task Decline_ConfidentAnswerBetween_CountStartsAgain()
    {
        await using var bot = await StartAsync(Script());
        await new TestConversation(bot, ChannelProfiles.Sms)
            .Send("llama?")
            .ExpectReplyContaining("I'm not sure I can answer that.")
            .Send("how long does shipping take")
            .ExpectReplyContaining("3-5 business days")
            .Send("alpaca?")
            .ExpectReply("I'm not sure I can answer that. Could you put it another way? Or I can put you through to a person.\n\n1. Talk to a person")
            .RunAsync();
    }

    [Fact]
    public async Task Decline_LimitOfThree_HandsOffOnTheThird()
    {
        await using var bot = await StartAsync(Script(), o => o.DeclinesBeforeHandoff = 3);
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("llama?").ExpectReplyContaining("I'm not sure")
            .Send("alpaca?").ExpectReplyContaining("I'm not sure")
            .Send("llama again?").ExpectReplyContaining("still can't find")
            .ExpectHandoff("3 questions in a row")
            .RunAsync();
    }

    [Fact]
    public async Task KbChoice_TappedFromAnAnswer_AnswersWithoutSearching()
    {
        var knowledge = Script();
        await using var bot = await StartAsync(knowledge);
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("shipping?")
            .ExpectReplyContaining("3-5 business days")
            .Tap("kb:article:international-shipping")
            .ExpectReplyContaining("We ship to 30 countries.")
            .RunAsync();

        Assert.Single(knowledge.Asked);
    }

    [Fact]
    public async Task KbChoice_ArticleRemovedSinceOffered_SearchesItsTitle()
    {
        var knowledge = Script();
        await using var bot = await StartAsync(knowledge);
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("llama?")
            .ExpectReplyContaining("I'm not sure")
            .Send("Gift cards", m => m with { Value = "kb:gift-cards" })
            .ExpectReplyContaining("still can't find")
            .RunAsync();

        Assert.Equal(["llama?", "Gift cards"], knowledge.Asked.Select(a => a.Question));
    }

    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task KnowledgeBaseThrows_ApologisesAndOffersAPerson(string channel)
    {
        var knowledge = Script();
        knowledge.Failure = new InvalidOperationException("The index is still loading.");
        await using var bot = await StartAsync(knowledge);
        var conversation = new TestConversation(bot, TestChannels.Named(channel))
            .Send("how long does shipping take?")
            .ExpectReplyContaining("Sorry, I can't look that up right now. Please try again in a moment, or talk to a person.")
            .ExpectChoices("Talk to a person");
        conversation = channel == "sms" ? conversation.Send("1") : conversation.Tap("kb:person");
        await conversation
            .ExpectReply(Handoff)
            .ExpectHandoff("asked for a person")
            .RunAsync();
    }

    [Fact]
    public async Task KnowledgeBaseThrows_DoesNotCountTowardsEscalation()
    {
        var knowledge = Script();
        await using var bot = await StartAsync(knowledge);
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("llama?").ExpectReplyContaining("I'm not sure")
            .RunAsync();
        knowledge.Failure = new TimeoutException("Qdrant did not answer.");
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("alpaca?").ExpectReplyContaining("can't look that up right now")
            .RunAsync();
    }

    [Fact]
    public async Task Help_WhileWaitingForAQuestion_ExplainsFromTheTexts()
    {
        await using var bot = await StartAsync(Script(), o => o.Texts.Help = "Ask about delivery, returns or refunds.");
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("   ")
            .ExpectReply("What would you like to know? Please type your question.")
            .Send("help")
            .ExpectReply("Ask about delivery, returns or refunds.")
            .Send("how long does shipping take?")
            .ExpectReplyContaining("3-5 business days")
            .RunAsync();
    }

    [Fact]
    public async Task EmptyMessage_AsksForAQuestion()
    {
        await using var bot = await StartAsync(Script());
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("   ")
            .ExpectReply("What would you like to know? Please type your question.")
            .RunAsync();
    }

    [Fact]
    public async Task ChildDialog_EachReply_ReturnsToTheParentWithItsOutcome()
    {
        var knowledge = Script();
        await using var bot = await StartHelpDeskAsync(knowledge);
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("how long does shipping take?")
            .ExpectReply("Ask me anything.")
            .ExpectReplyContaining("3-5 business days")
            .Send("and refunds?")
            .ExpectReply("Did you mean one of these?")
            .Send("llama?")
            .ExpectReplyContaining("I'm not sure I can answer that.")
            .Send("back to the desk")
            .ExpectReply("You said \"back to the desk\" after Answered, Clarified, NotAnswered. Bye!")
            .RunAsync();

        Assert.Equal(3, knowledge.Asked.Count);
    }

    [Fact]
    public async Task ChildDialog_DeclinedOnTwoVisits_HandsOffWithTheCount()
    {
        await using var bot = await StartHelpDeskAsync(Script());
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("llama?")
            .ExpectReply("Ask me anything.")
            .ExpectReplyContaining("I'm not sure I can answer that.")
            .Send("alpaca?")
            .ExpectReply("Sorry, I still can't find an answer to that. " + Handoff)
            .ExpectHandoff("no confident answer to 2 questions in a row")
            .RunAsync();
    }

    [Fact]
    public async Task ChildDialog_NumberOnSmsAfterItEnded_PicksTheOfferedArticle()
    {
        var knowledge = Script();
        await using var bot = await StartHelpDeskAsync(knowledge);
        await new TestConversation(bot, ChannelProfiles.Sms, new TestCustomer("sms-9", Phone: "+16502530009"))
            .Send("where is my refund")
            .ExpectReply("Ask me anything.")
            .ExpectReplyContaining("Did you mean one of these?")
            .Send("2")
            .ExpectReplyContaining("You have 30 days.")
            .RunAsync();

        Assert.Single(knowledge.Asked);
    }

    [Fact]
    public async Task Start_WithoutKnowledgeBase_FailsNamingIt()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestBot.StartAsync(bot => bot.AddKnowledgeAnswers().AddRootDialog<KnowledgeDialog>()));

        Assert.Contains("IKnowledgeBase", error.Message, StringComparison.Ordinal);
    }

    private static Task<TestBot> StartHelpDeskAsync(IKnowledgeBase knowledge) =>
        TestBot.StartAsync(
            b => b.AddKnowledgeAnswers().AddRootDialog<HelpDeskDialog>(),
            services => services.AddSingleton(knowledge).AddSingleton(new HandoffProvider("test")));

    /// <summary>
    /// A root dialog that begins the knowledge dialog as a child step for each message, collecting its outcomes,
    /// until the customer says "back to the desk".
    /// </summary>
    private sealed class HelpDeskDialog : Dialog<HelpDeskState>
    {
        protected override void Define(DialogSteps<HelpDeskState> steps) => steps
            .Step("intro", async (d, ct) =>
            {
                await d.ReplyAsync("Ask me anything.", ct);
                return StepResult.Next;
            })
            .Child<KnowledgeDialog, KnowledgeState>("faq", (s, k) => s.Outcomes.Add(k.Outcome))
            .Step("next", (_, _) => Task.FromResult(StepResult.Wait))
            .Step("route", async (d, ct) =>
            {
                if (d.Turn.Message.Text != "back to the desk")
                {
                    return StepResult.GoTo("faq");
                }

                await d.ReplyAsync($"You said \"{d.Turn.Message.Text}\" after {string.Join(", ", d.State.Outcomes)}. Bye!", ct);
                return StepResult.End;
            });
    }

    private sealed class HelpDeskState
    {
        public List<KnowledgeOutcome> Outcomes { get; set; } = [];
    }
}
