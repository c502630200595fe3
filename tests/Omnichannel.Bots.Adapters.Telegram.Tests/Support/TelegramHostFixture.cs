namespace Omnichannel.Bots.Adapters.Telegram.Tests;

/// <summary>One Bot API stand-in and one webhook host shared by a test class (each test uses its own update ids and chats).</summary>
public sealed class TelegramHostFixture : IAsyncLifetime
{
    public const int MaxBodyBytes = 4096;

    public FakeTelegramBotApi Api { get; private set; } = null!;

    public TelegramTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await FakeTelegramBotApi.StartAsync();
        Host = await TelegramTestHost.StartAsync(Api, [$"Channels:Telegram:MaxBodyBytes={MaxBodyBytes}"]);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Api.DisposeAsync();
    }
}
