using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Omnichannel.Bots.Knowledge.Qdrant.Tests;

/// <summary>
/// A local Kestrel stand-in for Qdrant on 127.0.0.1 (a free port): records every request and answers with bodies
/// shaped like the OpenAPI responses of the operations the store uses. Not a Qdrant: it keeps no points and ranks
/// nothing; tests script what it returns (contract checks, not conformance).
/// </summary>
public sealed class QdrantStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<(RecordedRequest Request, StandInReply Reply)> _replies = new();

    private QdrantStandIn(WebApplication app) => _app = app;

    public string Url { get; private set; } = string.Empty;

    /// <summary>The collection the alias points at (null: no alias).</summary>
    public string? AliasTarget { get; set; }

    public string AliasName { get; set; } = "knowledge";

    public int DenseSize { get; set; } = 4;

    /// <summary>Scroll pages, answered in order; each is (points, next_page_offset).</summary>
    public Queue<(JsonArray Points, string? Next)> ScrollPages { get; } = new();

    public JsonArray QueryPoints { get; set; } = [];

    /// <summary>Consulted after <see cref="Scripted"/> and before the defaults; null answers fall through.</summary>
    public Func<RecordedRequest, StandInReply?>? Responder { get; set; }

    /// <summary>Answers taken before the defaults, in order (one per request).</summary>
    public ConcurrentQueue<StandInReply> Scripted { get; } = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Every answer given, with its request.</summary>
    public IReadOnlyList<(RecordedRequest Request, StandInReply Reply)> Replies => [.. _replies];

    public static async Task<QdrantStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var standIn = new QdrantStandIn(app);
        app.Run(standIn.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.Url = address;
        return standIn;
    }

    public static string Ok(JsonNode? result) =>
        new JsonObject { ["time"] = 0.001, ["status"] = "ok", ["result"] = result }.ToJsonString();

    public static string Completed() => Ok(new JsonObject { ["operation_id"] = 1, ["status"] = "completed" });

    public static string Error(string message) => new JsonObject { ["time"] = 0.001, ["status"] = new JsonObject { ["error"] = message } }.ToJsonString();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var request = new RecordedRequest(
            context.Request.Method, context.Request.Path.Value ?? string.Empty, context.Request.QueryString.Value ?? string.Empty, body,
            context.Request.Headers.TryGetValue("api-key", out var key) ? key.ToString() : null);
        _requests.Enqueue(request);
        var reply = Scripted.TryDequeue(out var scripted) ? scripted : Responder?.Invoke(request) ?? Default(request);
        _replies.Enqueue((request, reply));
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private StandInReply Default(RecordedRequest request)
    {
        var path = request.Path;
        return (request.Method, path) switch
        {
            ("GET", "/aliases") => new(200, Ok(new JsonObject
            {
                ["aliases"] = AliasTarget is null
                    ? new JsonArray()
                    : new JsonArray(new JsonObject { ["alias_name"] = AliasName, ["collection_name"] = AliasTarget }),
            })),
            ("GET", _) when path.StartsWith("/collections/", StringComparison.Ordinal) => new(200, Ok(CollectionInfo())),
            ("POST", "/collections/aliases") => new(200, Ok(true)),
            ("PUT", _) when path.EndsWith("/index", StringComparison.Ordinal) => new(200, Completed()),
            ("PUT", _) when path.EndsWith("/points", StringComparison.Ordinal) => new(200, Completed()),
            ("PUT", _) => new(200, Ok(true)),
            ("DELETE", _) => new(200, Ok(true)),
            ("POST", _) when path.EndsWith("/points/delete", StringComparison.Ordinal) => new(200, Completed()),
            ("POST", _) when path.EndsWith("/points/scroll", StringComparison.Ordinal) => Scroll(),
            ("POST", _) when path.EndsWith("/points/query", StringComparison.Ordinal) => new(200, Ok(new JsonObject { ["points"] = QueryPoints.DeepClone() })),
            _ => new(404, Error($"stand-in: no route for {request}")),
        };
    }

    private StandInReply Scroll()
    {
        var (points, next) = ScrollPages.Count > 0 ? ScrollPages.Dequeue() : ([], null);
        return new(200, Ok(new JsonObject { ["points"] = points, ["next_page_offset"] = next }));
    }

    private JsonObject CollectionInfo() => new()
    {
        ["status"] = "green",
        ["optimizer_status"] = "ok",
        ["segments_count"] = 1,
        ["points_count"] = 0,
        ["payload_schema"] = new JsonObject(),
        ["config"] = new JsonObject
        {
            ["params"] = new JsonObject
            {
                ["vectors"] = new JsonObject { ["dense"] = new JsonObject { ["size"] = DenseSize, ["distance"] = "Cosine" } },
                ["sparse_vectors"] = new JsonObject { ["lexical"] = new JsonObject { ["modifier"] = "idf" } },
            },
            ["hnsw_config"] = new JsonObject { ["m"] = 16, ["ef_construct"] = 100, ["full_scan_threshold"] = 10000 },
            ["optimizer_config"] = new JsonObject { ["deleted_threshold"] = 0.2, ["vacuum_min_vector_number"] = 1000, ["default_segment_number"] = 0, ["flush_interval_sec"] = 5 },
        },
    };
}
