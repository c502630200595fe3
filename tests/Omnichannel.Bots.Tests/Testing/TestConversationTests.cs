using Omnichannel.Bots.Testing;
using Omnichannel.Bots.Tests.Dialogs;

namespace Omnichannel.Bots.Tests.Testing;

/// <summary>The conversation kit itself: a script fails when the bot says something no expectation checked.</summary>
public sealed class TestConversationTests
{
    // OrderDialog answers "hi" with two replies: "Welcome to the T-shirt shop." then "What's your name?".
    private static Task<TestBot> StartAsync() => TestBot.StartAsync(b => b.AddRootDialog<OrderDialog>());

    [Fact]
    public async Task RunAsync_TrailingReplyUnchecked_FailsNamingTheReply()
    {
        await using var bot = await StartAsync();
        var conversation = new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("hi").ExpectReply("Welcome to the T-shirt shop.");

        var error = await Assert.ThrowsAsync<ConversationAssertionException>(() => conversation.RunAsync());

        Assert.StartsWith("The script ended with 1 reply unchecked, the next being \"What's your name?\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("bot: What's your name?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AllowMoreRepliesAtTheEnd_PassesAndNotesThemInTheTranscript()
    {
        await using var bot = await StartAsync();
        var conversation = new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("hi").ExpectReply("Welcome to the T-shirt shop.").AllowMoreReplies();

        await conversation.RunAsync();

        Assert.Contains("(1 reply not checked, allowed)", conversation.Transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AllowMoreRepliesMidScript_LetsTheCustomerWriteAgain()
    {
        await using var bot = await StartAsync();
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("hi").ExpectReply("Welcome to the T-shirt shop.").AllowMoreReplies()
            .Send("Jo").ExpectReply("Which size?").ExpectChoices("Small", "Medium", "Large")
            .RunAsync();
    }

    [Fact]
    public async Task Send_WithReplyUnchecked_FailsNamingTheReply()
    {
        await using var bot = await StartAsync();
        var conversation = new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("hi").ExpectReply("Welcome to the T-shirt shop.")
            .Send("Jo");

        var error = await Assert.ThrowsAsync<ConversationAssertionException>(() => conversation.RunAsync());

        Assert.StartsWith("The customer wrote again with 1 reply unchecked, the next being \"What's your name?\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_StepsAddedAfterARun_CheckedAgainAtTheEnd()
    {
        await using var bot = await StartAsync();
        var conversation = new TestConversation(bot, ChannelProfiles.WebChat);
        await conversation.Send("hi").ExpectReply("Welcome to the T-shirt shop.").ExpectReply("What's your name?").RunAsync();

        var error = await Assert.ThrowsAsync<ConversationAssertionException>(() => conversation.Send("Jo").RunAsync());

        Assert.StartsWith("The script ended with 1 reply unchecked, the next being \"Which size?", error.Message, StringComparison.Ordinal);
    }
}
