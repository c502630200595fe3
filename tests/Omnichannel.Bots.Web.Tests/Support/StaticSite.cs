using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>A response body and its Content-Type.</summary>
public sealed record StaticContent(byte[] Body, string ContentType)
{
    public static StaticContent Html(string html) => new(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8");

    public static StaticContent JavaScript(byte[] script) => new(script, "text/javascript; charset=utf-8");
}

/// <summary>
/// A tiny web server for browser tests: Kestrel on 127.0.0.1 at a free port, serving fixed paths ("/index.html")
/// and 404 for anything else. Dispose it to stop it.
/// </summary>
public sealed class StaticSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _requested;

    private StaticSite(WebApplication app, ConcurrentQueue<string> requested, Uri baseUrl)
    {
        _app = app;
        _requested = requested;
        BaseUrl = baseUrl;
    }

    /// <summary>Where it listens, as http://127.0.0.1:PORT/.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Every path asked for so far, in order, served or not.</summary>
    public IReadOnlyList<string> RequestedPaths => [.. _requested];

    /// <summary>The absolute URL of <paramref name="path"/> on this site.</summary>
    public Uri UrlOf(string path) => new(BaseUrl, path);

    /// <summary>Starts serving <paramref name="files"/> (path → content); returns once it listens.</summary>
    public static async Task<StaticSite> StartAsync(IReadOnlyDictionary<string, StaticContent> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var byPath = new Dictionary<string, StaticContent>(files, StringComparer.Ordinal);
        var requested = new ConcurrentQueue<string>();

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            requested.Enqueue(path);
            if (!byPath.TryGetValue(path, out var content))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = content.ContentType;
            context.Response.ContentLength = content.Body.Length;
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.Body.WriteAsync(content.Body, context.RequestAborted);
        });

        try
        {
            await app.StartAsync();
            // Kestrel replaces port 0 with the port it bound.
            var address = app.Urls.Single();
            return new StaticSite(app, requested, new Uri(address.EndsWith('/') ? address : address + "/"));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
