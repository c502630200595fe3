using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Adapters.Conformance;
using Omnichannel.Bots.Adapters.Meta.Testing;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Adapters.Messenger.Tests;

/// <summary>
/// A bot with <see cref="HelpDialog"/> and Messenger on Kestrel (127.0.0.1, a free port) over SQLite in a temporary
/// folder, its Graph API at a <see cref="FakeGraphApi"/>, answering page <see cref="PageId"/> only. Returns once
/// <c>/healthz/ready</c> answers 200.
/// </summary>
public sealed class MessengerTestHost : IAsyncDisposable
{
    public const string AppSecret = "test-app-secret-0123456789abcdef";
    public const string VerifyToken = "verify-token-for-tests";
    public const string PageAccessToken = "EAAtestpagetoken0123456789";
    public const string PageId = "106000000000001";

    private readonly AdapterTestHost _host;

    private MessengerTestHost(AdapterTestHost host)
    {
        _host = host;
    }

    public HttpClient Http => _host.Http;

    public IServiceProvider Services => _host.Services;

    public RecordingTurnObserver Turns => Services.GetRequiredService<RecordingTurnObserver>();

    /// <summary>The bot's Messenger adapter, to send a message directly.</summary>
    public ChannelAdapter Adapter => Services.GetRequiredService<ChannelRegistry>().TryGet(ChannelId.Messenger, out var adapter)
        ? adapter
        : throw new InvalidOperationException("Messenger is not registered.");

    /// <param name="api">The Graph API the bot talks to.</param>
    /// <param name="settings">More configuration (<c>Channels:Messenger:MaxBodyBytes=4096</c>).</param>
    /// <param name="configureServices">Registrations after the bot's own.</param>
    /// <param name="dialogs">Declares the bot's dialogs (default: <see cref="HelpDialog"/> as the root dialog).</param>
    public static async Task<MessengerTestHost> StartAsync(
        FakeGraphApi api, IEnumerable<string>? settings = null, Action<IServiceCollection>? configureServices = null, Action<BotBuilder>? dialogs = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        List<string> args =
        [
            "Channels:Messenger:Enabled=true",
            $"Channels:Messenger:AppSecret={AppSecret}",
            $"Channels:Messenger:VerifyToken={VerifyToken}",
            $"Channels:Messenger:PageAccessToken={PageAccessToken}",
            $"Channels:Messenger:PageId={PageId}",
            $"Channels:Messenger:GraphApiBaseUrl={api.BaseUrl}",
            .. settings ?? [],
        ];
        var host = await AdapterTestHost.StartChannelAsync<HelpDialog>(
            "omnibot-messenger-", args, bot => bot.AddSqliteStorage().AddMessengerChannel(), configureServices, dialogs);
        return new MessengerTestHost(host);
    }

    /// <summary>Posts <paramref name="body"/> to the webhook as Meta does, signed with <paramref name="appSecret"/> (null: unsigned).</summary>
    public async Task<HttpResponseMessage> PostAsync(ReadOnlyMemory<byte> body, string? appSecret = AppSecret)
    {
        using var request = MetaWebhookRequests.Signed(MessengerWebhookEndpoints.Path, body.ToArray(), appSecret);
        return await Http.SendAsync(request);
    }

    /// <summary>Posts a batch built with <see cref="MessengerEvents"/>, signed.</summary>
    public Task<HttpResponseMessage> PostAsync(JsonObject batch) => PostAsync(System.Text.Encoding.UTF8.GetBytes(batch.ToJsonString()));

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
