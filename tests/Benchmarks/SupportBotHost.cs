using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Storage.Sqlite;
using Omnichannel.Bots.Testing;
using SupportBot;

namespace Benchmarks;

/// <summary>
/// The web chat host being measured: the sample support bot started in this process on Kestrel at 127.0.0.1 on a
/// free port (real sockets, its own data folder, the storage defaults), measured once <c>/healthz/ready</c> answers
/// 200, or a host already running elsewhere.
/// </summary>
public sealed class SupportBotHost : IAsyncDisposable
{
    private readonly WebApplication? _app;

    private SupportBotHost(Uri baseUrl, string secret, WebApplication? app)
    {
        BaseUrl = baseUrl;
        Secret = secret;
        _app = app;
        Database = app?.Services.GetRequiredService<SqliteDatabase>();
    }

    public Uri BaseUrl { get; }

    public string Secret { get; }

    /// <summary>The host's database when it runs in this process; null for a remote host.</summary>
    public SqliteDatabase? Database { get; }

    public bool InProcess => _app is not null;

    /// <summary>Kestrel's connection limits (in-process only).</summary>
    public string ConnectionLimits
    {
        get
        {
            if (_app is null)
            {
                return "those of the host at " + BaseUrl;
            }

            var limits = _app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;
            static string Shown(long? limit) => limit?.ToString(CultureInfo.InvariantCulture) ?? "unlimited";
            return $"Kestrel MaxConcurrentConnections {Shown(limits.MaxConcurrentConnections)}, MaxConcurrentUpgradedConnections {Shown(limits.MaxConcurrentUpgradedConnections)}";
        }
    }

    /// <param name="settings">Configuration on top of the benchmark's (<c>Outbox:MaxConcurrentSends</c>, value).</param>
    public static async Task<SupportBotHost> StartInProcessAsync(string directory, IEnumerable<KeyValuePair<string, string>> settings)
    {
        Directory.CreateDirectory(directory);
        var secret = "bench-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            "--Storage:DataDirectory=" + Path.Combine(directory, "data"),
            "--Channels:WebChat:Secret=" + secret,
            "--Knowledge:Path=" + KnowledgeData.SampleKnowledgeFolder(),
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
            .. settings.Select(s => $"--{s.Key}={s.Value}"),
        ];

        // The content root is the empty run folder: no appsettings.json and no wwwroot, everything else the defaults.
        var app = SupportBotApp.Build(args, directory);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        // Listening is not answering: the knowledge base loads in the background after start.
        using (var http = new HttpClient { BaseAddress = address })
        {
            await Readiness.WaitAsync(http);
        }

        return new SupportBotHost(address, secret, app);
    }

    public static SupportBotHost Remote(Uri baseUrl, string secret) => new(baseUrl, secret, app: null);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
