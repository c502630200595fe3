using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Adapters.Conformance;
using Omnichannel.Bots.Storage.Sqlite;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Adapters.Sms.Tests;

/// <summary>
/// A bot with <see cref="SizeDialog"/> and SMS on Kestrel (127.0.0.1, a free port) over SQLite in a temporary folder,
/// its Twilio REST API at a <see cref="FakeTwilioApi"/> and <c>PublicBaseUrl</c> <see cref="PublicBaseUrl"/> (the address
/// Twilio would call through a proxy), so requests are signed over that URL. Returns once <c>/healthz/ready</c> answers 200.
/// </summary>
public sealed class SmsTestHost : IAsyncDisposable
{
    public const string BotNumber = "+15017122661";
    public static readonly Uri PublicBaseUrl = new("https://bot.example.test");

    private readonly AdapterTestHost _host;

    private SmsTestHost(AdapterTestHost host)
    {
        _host = host;
    }

    public HttpClient Http => _host.Http;

    public string DataDirectory => _host.DataDirectory;

    public IServiceProvider Services => _host.Services;

    public RecordingTurnObserver Turns => Services.GetRequiredService<RecordingTurnObserver>();

    /// <param name="api">The REST API the bot talks to.</param>
    /// <param name="settings">More configuration (<c>Channels:Sms:MaxBodyBytes=4096</c>).</param>
    /// <param name="configureServices">Registrations after the bot's own.</param>
    /// <param name="dialogs">Declares the bot's dialogs (default: <see cref="SizeDialog"/> as the root dialog).</param>
    /// <param name="behindPublicUrl">False: no <c>PublicBaseUrl</c>, so signatures are checked over the request's own URL.</param>
    public static async Task<SmsTestHost> StartAsync(
        FakeTwilioApi api,
        IEnumerable<string>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        Action<BotBuilder>? dialogs = null,
        bool behindPublicUrl = true)
    {
        ArgumentNullException.ThrowIfNull(api);
        List<string> args =
        [
            "Channels:Sms:Enabled=true",
            $"Channels:Sms:AccountSid={FakeTwilioApi.AccountSid}",
            $"Channels:Sms:AuthToken={FakeTwilioApi.AuthToken}",
            $"Channels:Sms:FromNumber={BotNumber}",
            $"Channels:Sms:ApiBaseUrl={api.BaseUrl}",
        ];
        if (behindPublicUrl)
        {
            args.Add($"Channels:Sms:PublicBaseUrl={PublicBaseUrl}");
        }

        args.AddRange(settings ?? []);
        var host = await AdapterTestHost.StartChannelAsync<SizeDialog>(
            "omnibot-sms-", args, bot => bot.AddSqliteStorage().AddSmsChannel(), configureServices, dialogs);
        return new SmsTestHost(host);
    }

    /// <summary>The signature Twilio sends for <paramref name="fields"/> posted to <paramref name="path"/> of the public URL.</summary>
    public static string Sign(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        new TwilioSignature(FakeTwilioApi.AuthToken).Sign(new Uri(PublicBaseUrl.OriginalString.TrimEnd('/') + path), fields);

    /// <summary>Posts form <paramref name="fields"/> to <paramref name="path"/> as Twilio does, signed (or with <paramref name="signature"/>; "" sends none).</summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, IReadOnlyList<KeyValuePair<string, string>> fields, string? signature = null) =>
        PostAsync(path, new FormUrlEncodedContent(fields), signature ?? Sign(path, fields));

    /// <summary>Posts <paramref name="body"/> as a form body with <paramref name="signature"/> ("" sends none).</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, HttpContent body, string signature)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body };
        request.Content.Headers.ContentType ??= new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        if (signature.Length > 0)
        {
            request.Headers.Add("X-Twilio-Signature", signature);
        }

        return await Http.SendAsync(request);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
