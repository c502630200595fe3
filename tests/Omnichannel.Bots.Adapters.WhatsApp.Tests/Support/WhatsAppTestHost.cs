using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Adapters.Conformance;
using Omnichannel.Bots.Adapters.Meta.Testing;
using Omnichannel.Bots.Storage.Sqlite;

namespace Omnichannel.Bots.Adapters.WhatsApp.Tests;

/// <summary>
/// A bot with <see cref="MenuDialog"/> and WhatsApp on Kestrel (127.0.0.1, a free port) over SQLite in a temporary
/// folder, its Graph API at a <see cref="FakeGraphApi"/>. Webhook bodies are signed with <see cref="AppSecret"/> as Meta
/// signs them. Returns once <c>/healthz/ready</c> answers 200.
/// </summary>
public sealed class WhatsAppTestHost : IAsyncDisposable
{
    public const string PhoneNumberId = "106540352242922";
    public const string AppSecret = "test-app-secret-0123456789abcdef";
    public const string VerifyToken = "test-verify-token";
    public const string AccessToken = "test-access-token-EAAG0123456789";

    private readonly AdapterTestHost _host;

    private WhatsAppTestHost(AdapterTestHost host)
    {
        _host = host;
    }

    public HttpClient Http => _host.Http;

    public IServiceProvider Services => _host.Services;

    public RecordingTurnObserver Turns => Services.GetRequiredService<RecordingTurnObserver>();

    /// <param name="api">The Graph API the bot talks to.</param>
    /// <param name="settings">More configuration (<c>Channels:WhatsApp:MaxBodyBytes=4096</c>).</param>
    /// <param name="configureServices">Registrations after the bot's own.</param>
    /// <param name="dialogs">Declares the bot's dialogs (default: <see cref="MenuDialog"/> as the root dialog).</param>
    public static async Task<WhatsAppTestHost> StartAsync(
        FakeGraphApi api, IEnumerable<string>? settings = null, Action<IServiceCollection>? configureServices = null, Action<BotBuilder>? dialogs = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        List<string> args =
        [
            "Channels:WhatsApp:Enabled=true",
            $"Channels:WhatsApp:AppSecret={AppSecret}",
            $"Channels:WhatsApp:VerifyToken={VerifyToken}",
            $"Channels:WhatsApp:AccessToken={AccessToken}",
            $"Channels:WhatsApp:PhoneNumberId={PhoneNumberId}",
            $"Channels:WhatsApp:GraphApiBaseUrl={api.BaseUrl}",
        ];
        args.AddRange(settings ?? []);
        var host = await AdapterTestHost.StartChannelAsync<MenuDialog>(
            "omnibot-whatsapp-", args, bot => bot.AddSqliteStorage().AddWhatsAppChannel(), configureServices, dialogs);
        return new WhatsAppTestHost(host);
    }

    /// <summary>Posts <paramref name="body"/> to the webhook byte for byte, signed with the app secret (or with <paramref name="appSecret"/>; null signs nothing).</summary>
    public async Task<HttpResponseMessage> PostAsync(byte[] body, string? appSecret = AppSecret)
    {
        using var request = MetaWebhookRequests.Signed(WhatsAppWebhookEndpoints.Path, body, appSecret);
        return await Http.SendAsync(request);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
