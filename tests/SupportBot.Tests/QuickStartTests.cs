using Omnichannel.Bots;
using Omnichannel.Bots.Testing;

namespace SupportBot.Tests;

/// <summary>The smallest bot (samples/QuickStart) has no handoff: "agent" is answered, and the bot carries on.</summary>
public sealed class QuickStartTests
{
    [Theory]
    [MemberData(nameof(TestChannels.ButtonsAndPlainText), MemberType = typeof(TestChannels))]
    public async Task Agent_WithoutHandoff_AnsweredAndTheBotCarriesOn(string channel)
    {
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<BookingDialog>());
        await new TestConversation(bot, TestChannels.Named(channel))
            .Send("agent")
            .ExpectReplyContaining("I can't connect you to a person here.")
            .ExpectReply("Hi! What's your name?")
            .Send("Ana")
            .ExpectReplyContaining("Nice to meet you, Ana.")
            .Send("agent")
            .ExpectReplyContaining("I can't connect you to a person here.")
            .ExpectReplyContaining("Which day would you like to visit?")
            .Send("tomorrow")
            .ExpectReply("See you on Thursday 19 March, Ana!")
            .RunAsync();
    }
}
