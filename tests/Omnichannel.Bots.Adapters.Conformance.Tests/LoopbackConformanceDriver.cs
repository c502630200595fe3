using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Omnichannel.Bots.AspNetCore;
using Omnichannel.Bots.Storage.Sqlite;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Adapters.Conformance.Tests;

/// <summary>Drives the loopback channel on Kestrel at 127.0.0.1 with the suite's dialog, its clock and a fresh data folder.</summary>
public sealed class LoopbackConformanceDriver : IProviderDriver
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;
    private readonly string _dataDirectory;
    private readonly LoopbackProvider _provider;

    private LoopbackConformanceDriver(WebApplication app, string dataDirectory)
    {
        _app = app;
        _dataDirectory = dataDirectory;
        _provider = app.Services.GetRequiredService<LoopbackProvider>();
        _http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
    }

    public static AdapterTraits Traits { get; } = new()
    {
        Profile = LoopbackChannel.Profile,
        Authentication = RequestAuthentication.Signature,
        MaxBodyBytes = LoopbackChannel.MaxBodyBytes,
    };

    public IServiceProvider Services => _app.Services;

    public static async Task<LoopbackConformanceDriver> StartAsync(ConformanceSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var dataDirectory = Directory.CreateTempSubdirectory("omnibot-loopback-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--urls=http://127.0.0.1:0", $"--Storage:DataDirectory={dataDirectory}"],
            ContentRootPath = dataDirectory,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOmnichannelBot(bot =>
        {
            setup.AddTo(bot);
            bot.AddSqliteStorage().AddChannel<LoopbackChannelAdapter>();
        });
        builder.Services.AddSingleton<LoopbackProvider>();
        builder.Services.AddSingleton<IBotEndpoints, LoopbackWebhook>();
        builder.Services.AddSingleton<TimeProvider>(setup.Clock);
        var app = builder.Build();
        app.MapBotEndpoints();
        await app.StartAsync();
        var driver = new LoopbackConformanceDriver(app, dataDirectory);
        await Readiness.WaitOrDisposeAsync(driver._http, driver);
        return driver;
    }

    public Task<HttpStatusCode> DeliverAsync(InboundDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            id = delivery.ProviderMessageId ?? Guid.NewGuid().ToString("N"),
            from = delivery.Customer,
            text = delivery.Text ?? throw new ArgumentException("The loopback channel has no buttons to press.", nameof(delivery)),
        });
        var signature = delivery.Credential switch
        {
            Credential.Valid => LoopbackChannel.Signatures.Sign(body),
            Credential.Wrong => LoopbackChannel.Signatures.Sign("another body"u8),
            _ => null,
        };
        return PostAsync(body, signature);
    }

    public Task<HttpStatusCode> PostRawAsync(ReadOnlyMemory<byte> body) => PostAsync(body, LoopbackChannel.Signatures.Sign(body.Span));

    public Task<IReadOnlyList<OutboundMessage>> ReadOutboundAsync(string customer) =>
        Task.FromResult<IReadOnlyList<OutboundMessage>>([.. _provider.ReceivedBy(customer).Select(text => new OutboundMessage(text, [], text.Length))]);

    public void AnswerNextSend(ProviderAnswer answer) => _provider.AnswerNext(answer);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder.
        }
    }

    private async Task<HttpStatusCode> PostAsync(ReadOnlyMemory<byte> body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, LoopbackChannel.Path) { Content = new ReadOnlyMemoryContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.Add(LoopbackChannel.SignatureHeader, signature);
        }

        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }
}
