using Microsoft.Extensions.DependencyInjection;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>Typing indicators reach open streams at once and are never stored.</summary>
public sealed class DirectLineTypingTests
{
    [Fact]
    public async Task Typing_SentToOpenStreamsWithoutAWatermark_NotInTheHistory()
    {
        await using var host = await WebChatHost.StartAsync();
        var conversation = await host.StartConversationAsync();
        using var socket = await DirectLineStreamTests.ConnectAsync(conversation.StreamUrl);
        host.Services.GetRequiredService<ChannelRegistry>().TryGet(ChannelId.WebChat, out var webChat);

        var receipt = await webChat.SendAsync(
            new BotMessage { Id = "typing-1", Channel = ChannelId.WebChat, Conversation = new ConversationAddress("directline", conversation.Id), Kind = MessageKind.Typing },
            CancellationToken.None);
        var received = await DirectLineStreamTests.ReceiveUntilAsync(socket, a => a.GetProperty("type").GetString() == "typing");

        Assert.Null(receipt.ProviderMessageId);
        Assert.Null(Assert.Single(received).Watermark);
        Assert.Equal("bot", received[0].Activity.GetProperty("from").GetProperty("role").GetString());
        Assert.Empty((await host.GetActivitiesAsync(conversation)).Activities);
    }

    [Fact]
    public async Task Send_ToAConversationThatDoesNotExist_IsAPermanentFailure()
    {
        await using var host = await WebChatHost.StartAsync();
        host.Services.GetRequiredService<ChannelRegistry>().TryGet(ChannelId.WebChat, out var webChat);

        var error = await Assert.ThrowsAsync<ChannelSendException>(() => webChat.SendAsync(
            new BotMessage { Id = "m-1", Channel = ChannelId.WebChat, Conversation = new ConversationAddress("directline", "gone"), Text = "hello" },
            CancellationToken.None));

        Assert.False(error.IsTransient);
    }
}
