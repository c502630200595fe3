using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Adapters.Sms.Tests;

/// <summary>
/// A local stand-in for Twilio's REST API on Kestrel (127.0.0.1, a free port): point <c>Channels:Sms:ApiBaseUrl</c> at
/// <see cref="BaseUrl"/>. It records every <c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c> and answers as
/// "Create a Message resource" documents: 201 with a Message resource (<c>sid</c> <c>SM</c> + 32 hex, status
/// <c>queued</c>), 401 with Twilio's error body for wrong credentials (20003), or a scripted error (<see cref="FailNext"/>)
/// in Twilio's error shape (<c>code</c>, <c>message</c>, <c>more_info</c>, <c>status</c>). Results against it are
/// contract checks, not conformance with the real service.
/// </summary>
public sealed class FakeTwilioApi : IAsyncDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "test-auth-token-0123456789abcdef";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<TwilioApiRequest> _requests = new();
    private readonly ConcurrentQueue<TwilioApiError> _failures = new();
    private int _lastSid;

    private FakeTwilioApi(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public static string BasicAuth => "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));

    /// <summary>Every call so far, in order (refused ones too).</summary>
    public IReadOnlyList<TwilioApiRequest> Requests => [.. _requests];

    public static async Task<FakeTwilioApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new FakeTwilioApi(app);
        app.MapPost("/2010-04-01/Accounts/{account}/Messages.json", (Func<HttpContext, string, Task<IResult>>)api.HandleAsync);
        await app.StartAsync();
        api.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return api;
    }

    /// <summary>The next send fails with <paramref name="error"/> (queued: several sends fail in turn).</summary>
    public void FailNext(TwilioApiError error) => _failures.Enqueue(error);

    public IReadOnlyList<TwilioApiRequest> SendsTo(string number) => [.. _requests.Where(r => r["To"] == number)];

    /// <summary>Waits until <paramref name="count"/> sends to <paramref name="number"/> were received; returns them.</summary>
    public async Task<IReadOnlyList<TwilioApiRequest>> WaitForSendsAsync(string number, int count = 1)
    {
        IReadOnlyList<TwilioApiRequest> found = [];
        await Eventually.UntilAsync(
            () => (found = SendsTo(number)).Count >= count,
            $"{count} Messages.json call(s) to {number}",
            () => "Calls so far to: " + string.Join(", ", Requests.Select(r => r["To"])));
        return found;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpContext http, string account)
    {
        var form = await http.Request.ReadFormAsync();
        var fields = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty))).ToList();
        var sid = "SM" + Interlocked.Increment(ref _lastSid).ToString("x32", CultureInfo.InvariantCulture);
        _requests.Enqueue(new TwilioApiRequest(account, http.Request.Headers.Authorization.FirstOrDefault(), fields, sid));
        if (account != AccountSid || http.Request.Headers.Authorization.FirstOrDefault() != BasicAuth)
        {
            return Error(http, new TwilioApiError(401, 20003, "Authenticate"));
        }

        if (_failures.TryDequeue(out var failure))
        {
            return Error(http, failure);
        }

        return Results.Json(
            new JsonObject
            {
                ["sid"] = sid,
                ["account_sid"] = account,
                ["to"] = form["To"].ToString(),
                ["from"] = form["From"].ToString(),
                ["messaging_service_sid"] = form["MessagingServiceSid"].ToString(),
                ["body"] = form["Body"].ToString(),
                ["status"] = "queued",
            },
            statusCode: StatusCodes.Status201Created);
    }

    private static IResult Error(HttpContext http, TwilioApiError error)
    {
        if (error.RetryAfterSeconds is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return Results.Json(
            new JsonObject
            {
                ["code"] = error.Code,
                ["message"] = error.Message,
                ["more_info"] = $"https://www.twilio.com/docs/errors/{error.Code}",
                ["status"] = error.Status,
            },
            statusCode: error.Status);
    }
}
