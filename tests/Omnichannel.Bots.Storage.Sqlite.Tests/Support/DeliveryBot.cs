using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Inbound;
using Omnichannel.Bots.Testing;
using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Storage.Sqlite.Tests;

/// <summary>A <see cref="TestBot"/> running the counting dialog, with a probe and a recorder, and the helpers the tests share.</summary>
public static class DeliveryBot
{
    public static Task<TestBot> StartAsync(TurnProbe? probe = null, TurnRecorder? recorder = null, string? dataDirectory = null) =>
        TestBot.StartAsync(
            bot =>
            {
                bot.AddRootDialog<CountingDialog>();
                bot.Services.AddSingleton<ITurnObserver>(recorder ?? new TurnRecorder());
            },
            services => services.AddSingleton(probe ?? new TurnProbe()),
            dataDirectory: dataDirectory);

    public static IMessageInbox Inbox(this TestBot bot) => bot.Services.GetRequiredService<IMessageInbox>();

    public static string DatabaseFile(this TestBot bot) => bot.Services.GetRequiredService<SqliteDatabase>().FilePath;

    /// <summary>A customer's message as a channel adapter would hand it in.</summary>
    public static BotMessage Message(
        string id,
        string text,
        ChannelId? channel = null,
        string account = "account-1",
        string conversation = "+15550100001",
        string? phone = "+15550100001") => new()
    {
        Id = id,
        Channel = channel ?? ChannelId.Sms,
        Conversation = new ConversationAddress(account, conversation),
        Sender = new Participant(conversation) { PhoneNumber = phone, PhoneNumberProvenance = phone is null ? null : IdentityProvenance.ProviderPhone },
        Text = text,
    };
}
