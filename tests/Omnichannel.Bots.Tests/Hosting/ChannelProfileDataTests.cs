using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Testing;
using Omnichannel.Bots.Tests.Dialogs;

namespace Omnichannel.Bots.Tests.Hosting;

/// <summary>Channel knowledge is data on the profile: no fallback profile, interruption words from the profile, one person detector.</summary>
public sealed class ChannelProfileDataTests
{
    private static readonly ChannelProfile Rcs = new(new ChannelId("rcs"), new ChannelCapabilities { MaxTextLength = 2000, MaxButtons = 4 })
    {
        Interruptions = InterruptionWords.Default with { Cancel = ["salir"] },
    };

    [Fact]
    public void ProfileFor_ChannelWithoutAdapterOrProfile_ThrowsNamingTheChannel()
    {
        var registry = new ChannelRegistry([new RecordingChannelAdapter(ChannelProfiles.WebChat)], []);

        var error = Assert.Throws<InvalidOperationException>(() => registry.ProfileFor(new ChannelId("rcs")));

        Assert.Contains("channel 'rcs'", error.Message, StringComparison.Ordinal);
        Assert.False(registry.TryGetProfile(ChannelId.Sms, out _));
    }

    [Fact]
    public void ProfileFor_ProfileRegisteredAsData_AdapterProfileWins()
    {
        var registry = new ChannelRegistry([new RecordingChannelAdapter(ChannelProfiles.WebChat)], [Rcs, ChannelProfiles.WebChat with { Capabilities = ChannelProfiles.Sms.Capabilities }]);

        Assert.Same(Rcs, registry.ProfileFor(Rcs.Channel));
        Assert.Same(ChannelProfiles.WebChat, registry.ProfileFor(ChannelId.WebChat));
    }

    [Fact]
    public async Task StartAsync_AdapterWithoutAProfile_FailsNamingTheAdapter()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestBot.StartAsync(
            b => b.AddRootDialog<OrderDialog>(),
            services => services.AddSingleton<ChannelAdapter>(new ProfilelessAdapter())));

        Assert.Contains(nameof(ProfilelessAdapter), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interruptions_ComeFromTheChannelsProfile()
    {
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<OrderDialog>(), channels: [ChannelProfiles.WebChat, Rcs]);
        await new TestConversation(bot, Rcs)
            .Send("hi").ExpectReply("Welcome to the T-shirt shop.").ExpectReply("What's your name?")
            .Send("salir")
            .ExpectReply("OK, I've stopped that.")
            .ExpectReply("Welcome to the T-shirt shop.")
            .ExpectReply("What's your name?")
            .RunAsync();
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("hi").ExpectReply("Welcome to the T-shirt shop.").ExpectReply("What's your name?")
            .Send("salir")
            .ExpectReplyContaining("Which size?")
            .RunAsync();
    }

    [Theory]
    [InlineData("quiero hablar con un agente")]
    [InlineData("je veux parler à un conseiller")]
    [InlineData("an agent please")]
    public async Task Agent_AnyLanguageThePersonDetectorKnows_HandsOff(string text)
    {
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<OrderDialog>(), services => services.AddSingleton(new HandoffProvider("test")));
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("hi").ExpectReply("Welcome to the T-shirt shop.").ExpectReply("What's your name?")
            .Send(text)
            .ExpectReplyContaining("bringing in a person")
            .ExpectHandoff("asked for a person")
            .RunAsync();
    }

    [Fact]
    public async Task Agent_NegatedRequest_IsNotAnInterruption()
    {
        await using var bot = await TestBot.StartAsync(b => b.AddRootDialog<OrderDialog>(), services => services.AddSingleton(new HandoffProvider("test")));
        await new TestConversation(bot, ChannelProfiles.WebChat)
            .Send("hi").ExpectReply("Welcome to the T-shirt shop.").ExpectReply("What's your name?")
            .Send("I don't want to talk to a human")
            .ExpectReplyContaining("Which size?")
            .RunAsync();
    }

    private sealed class ProfilelessAdapter : ChannelAdapter
    {
        public override ChannelProfile Profile => null!;

        public override Task<SendReceipt> SendAsync(BotMessage message, CancellationToken cancellationToken) => Task.FromResult(new SendReceipt("x"));
    }
}
