using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Tests.Dialogs;

public sealed class InterruptionTests
{
    // A handoff provider takes "agent" to a person; without one the bot says it cannot (see the last tests).
    private static Task<TestBot> StartAsync(Action<BotBuilder>? configure = null, bool canHandOff = true) => TestBot.StartAsync(
        b =>
        {
            b.AddRootDialog<OrderDialog>();
            configure?.Invoke(b);
        },
        services =>
        {
            if (canHandOff)
            {
                services.AddSingleton(new HandoffProvider("test"));
            }
        });

    /// <summary>The customer's words for help and for leaving a dialog: on SMS the carrier owns HELP, STOP and CANCEL.</summary>
    private static (string Help, string Cancel) Words(string channel) => channel == "sms" ? ("what can you do", "menu") : ("help", "cancel");

    private static TestConversation AtSizeStep(TestBot bot, string channel) =>
        new TestConversation(bot, TestChannels.Named(channel))
            .Send("hi").ExpectReply("Welcome to the T-shirt shop.").ExpectReply("What's your name?")
            .Send("Ana").ExpectReplyContaining("Which size?");

    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task Help_MidPrompt_ExplainsThenResumesTheSameQuestion(string channel)
    {
        await using var bot = await StartAsync();
        var help = channel == "sms" ? "I'm taking a T-shirt order. Say menu to stop." : "I'm taking a T-shirt order. Say **menu** to stop.";
        await AtSizeStep(bot, channel)
            .Send(Words(channel).Help)
            .ExpectReply(help)
            .ExpectReplyContaining("Which size?")
            .ExpectChoices("Small", "Medium", "Large")
            .Send("Large")
            .ExpectReply("How many?")
            .Send("2")
            .ExpectReply("2 x Large for Ana.")
            .RunAsync();
    }

    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task Cancel_MidPrompt_ReturnsToTheStartOfTheMainDialog(string channel)
    {
        await using var bot = await StartAsync();
        await AtSizeStep(bot, channel)
            .Send(Words(channel).Cancel)
            .ExpectReply("OK, I've stopped that.")
            .ExpectReply("Welcome to the T-shirt shop.")
            .ExpectReply("What's your name?")
            .RunAsync();
    }

    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task StartOver_MidPrompt_ForgetsAnswersAndBeginsAgain(string channel)
    {
        await using var bot = await StartAsync();
        await AtSizeStep(bot, channel)
            .Send("start over")
            .ExpectReply("OK, let's start over.")
            .ExpectReply("Welcome to the T-shirt shop.")
            .ExpectReply("What's your name?")
            .Send("Bea").ExpectReplyContaining("Which size?")
            .Send("1").ExpectReply("How many?")
            .Send("1").ExpectReply("1 x Small for Bea.")
            .RunAsync();
    }

    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task TalkToAPerson_AnyStep_HandsOffAndTheBotFallsSilent(string channel)
    {
        await using var bot = await StartAsync();
        await AtSizeStep(bot, channel)
            .Send("can I talk to a person please")
            .ExpectReplyContaining("bringing in a person")
            .ExpectHandoff("asked for a person")
            .Send("Large")
            .RunAsync();
    }

    [Fact]
    public async Task Sms_CarrierKeywords_RecordedButNeverDialogInput()
    {
        await using var bot = await StartAsync();
        await AtSizeStep(bot, "sms")
            // No reply to any of the three: a reply would be unchecked when the customer writes again.
            .Send("STOP")
            .Send("Help")
            .Send("cancel")
            .Send("2")
            .ExpectReply("How many?")
            .RunAsync();
    }

    [Fact]
    public async Task WebChat_SingleWordInsideASentence_IsAnAnswerNotAnInterruption()
    {
        await using var bot = await StartAsync();
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("hi").ExpectReply("Welcome to the T-shirt shop.").ExpectReply("What's your name?")
            .Send("Help Desk Harry")
            .ExpectReplyContaining("Which size?")
            .RunAsync();
    }

    [Fact]
    public async Task Words_ConfiguredPerChannel_ApplyOnlyThere()
    {
        await using var bot = await StartAsync(b => b.Configure(o =>
            o.Interruptions.ForChannel(ChannelId.WhatsApp, InterruptionWords.Default with { Cancel = ["abbrechen"] })));
        await new TestConversation(bot, ChannelProfiles.WhatsApp, new TestCustomer("wa"))
            .Send("hi").ExpectReply("Welcome to the T-shirt shop.").ExpectReply("What's your name?")
            .Send("cancel")
            .ExpectReplyContaining("Which size?")
            .Send("abbrechen")
            .ExpectReply("OK, I've stopped that.")
            .ExpectReply("Welcome to the T-shirt shop.")
            .ExpectReply("What's your name?")
            .RunAsync();
        await new TestConversation(bot, ChannelProfiles.WebChat, new TestCustomer("web"))
            .Send("hi").ExpectReply("Welcome to the T-shirt shop.").ExpectReply("What's your name?")
            .Send("cancel")
            .ExpectReply("OK, I've stopped that.")
            .ExpectReply("Welcome to the T-shirt shop.")
            .ExpectReply("What's your name?")
            .RunAsync();
    }

    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task Help_InsideAForm_KeepsTheFilledSlot(string channel)
    {
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<TicketDialog>());
        await new TestConversation(bot, TestChannels.Named(channel))
            .Send("order 12345 please")
            .ExpectReplyContaining("What went wrong?")
            .Send(Words(channel).Help)
            .ExpectReplyContaining("Answer my question to carry on.")
            .ExpectReplyContaining("What went wrong?")
            .Send("it's broken")
            .ExpectReply("Ticket: order 12345, damaged.")
            .RunAsync();
    }

    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task Agent_WithoutAHandoffProvider_SaysSoAndAsksTheSameQuestionAgain(string channel)
    {
        await using var bot = await StartAsync(canHandOff: false);
        await AtSizeStep(bot, channel)
            .Send("agent")
            .ExpectReplyContaining("I can't connect you to a person here.")
            .ExpectReplyContaining("Which size?")
            .Send("Large")
            .ExpectReply("How many?")
            .RunAsync();
    }

    [Fact]
    public async Task DialogHandoff_WithoutAHandoffProvider_BotKeepsTheConversation()
    {
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<PersonDialog>());
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("hi")
            .ExpectReply("Connecting you.")
            .ExpectReplyContaining("I can't connect you to a person here.")
            .Send("hello?")
            .ExpectReply("Connecting you.")
            .ExpectReplyContaining("I can't connect you to a person here.")
            .RunAsync();
    }

    public sealed class PersonDialog : Dialog<OrderState>
    {
        protected override void Define(DialogSteps<OrderState> steps) => steps
            .Step("hand-off", async (d, ct) =>
            {
                await d.Turn.HandoffAsync("The dialog wants a person.", ct);
                await d.ReplyAsync("Connecting you.", ct);
                return StepResult.End;
            });
    }
}
