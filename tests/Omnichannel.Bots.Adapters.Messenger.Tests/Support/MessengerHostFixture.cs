using Omnichannel.Bots.Adapters.Meta.Testing;

namespace Omnichannel.Bots.Adapters.Messenger.Tests;

/// <summary>One Graph API stand-in and one webhook host shared by a test class (each test uses its own PSIDs and mids).</summary>
public sealed class MessengerHostFixture : IAsyncLifetime
{
    public FakeGraphApi Api { get; private set; } = null!;

    public MessengerTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await FakeGraphApi.StartAsync(MessengerTestHost.PageAccessToken);
        Host = await MessengerTestHost.StartAsync(Api);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Api.DisposeAsync();
    }
}
