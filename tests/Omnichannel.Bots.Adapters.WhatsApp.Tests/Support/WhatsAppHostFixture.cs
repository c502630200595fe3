using Omnichannel.Bots.Adapters.Meta.Testing;

namespace Omnichannel.Bots.Adapters.WhatsApp.Tests;

/// <summary>One Graph API stand-in and one webhook host shared by a test class (each test uses its own numbers and wamids).</summary>
public sealed class WhatsAppHostFixture : IAsyncLifetime
{
    public const int MaxBodyBytes = 8192;
    public const int MaxMediaBytes = 4096;

    public FakeGraphApi Api { get; private set; } = null!;

    public WhatsAppTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await FakeGraphApi.StartAsync(WhatsAppTestHost.AccessToken);
        Host = await WhatsAppTestHost.StartAsync(Api, [$"Channels:WhatsApp:MaxBodyBytes={MaxBodyBytes}", $"Channels:WhatsApp:MaxMediaBytes={MaxMediaBytes}"]);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Api.DisposeAsync();
    }
}
