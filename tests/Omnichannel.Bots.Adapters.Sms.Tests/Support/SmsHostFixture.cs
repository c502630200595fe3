namespace Omnichannel.Bots.Adapters.Sms.Tests;

/// <summary>One Twilio stand-in and one webhook host shared by a test class (each test uses its own numbers and message SIDs).</summary>
public sealed class SmsHostFixture : IAsyncLifetime
{
    public const int MaxBodyBytes = 4096;

    public FakeTwilioApi Api { get; private set; } = null!;

    public SmsTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await FakeTwilioApi.StartAsync();
        Host = await SmsTestHost.StartAsync(Api, [$"Channels:Sms:MaxBodyBytes={MaxBodyBytes}"]);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Api.DisposeAsync();
    }
}
