using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Tests.Dialogs;

public sealed class FormTests
{
    private static Task<TestBot> StartAsync() => TestBot.StartAsync(b => b.AddRootDialog<TicketDialog>());

    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task Form_OneSentence_FillsEverySlotItNames(string channel)
    {
        await using var bot = await StartAsync();
        await new TestConversation(bot, TestChannels.Named(channel))
            .Send("my order 12345 arrived broken")
            .ExpectReply("Ticket: order 12345, damaged.")
            .RunAsync();
    }

    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task Form_SentenceFillsOneSlot_AsksOnlyForTheMissingOne(string channel)
    {
        await using var bot = await StartAsync();
        await new TestConversation(bot, TestChannels.Named(channel))
            .Send("my order 12345 hasn't come")
            .ExpectReplyContaining("What went wrong?")
            .ExpectChoices("It's late", "It's damaged")
            .Send("1")
            .ExpectReply("Ticket: order 12345, late.")
            .RunAsync();
    }

    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task Form_AnswerFillsAnotherSlot_ThenAsksTheRestInAnyOrder(string channel)
    {
        await using var bot = await StartAsync();
        await new TestConversation(bot, TestChannels.Named(channel))
            .Send("hello")
            .ExpectReply("What's your order number?")
            .Send("it's cracked")
            .ExpectReply("What's your order number?")
            .Send("54321")
            .ExpectReply("Ticket: order 54321, damaged.")
            .RunAsync();
    }

    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task Form_WrongValue_ToldWhyAndAskedAgain(string channel)
    {
        await using var bot = await StartAsync();
        await new TestConversation(bot, TestChannels.Named(channel))
            .Send("hello")
            .ExpectReply("What's your order number?")
            .Send("order 123")
            .ExpectReply("Order numbers have 5 digits. What's your order number?")
            .Send("order 12345 is late")
            .ExpectReply("Ticket: order 12345, late.")
            .RunAsync();
    }
}
