using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Omnichannel.Bots.Knowledge.Tests.Embeddings;

/// <summary>
/// A local stand-in for an OpenAI-compatible embeddings endpoint on Kestrel (127.0.0.1, port 0). Its answers follow
/// the OpenAI API reference, "Embeddings › Create embeddings" (POST /v1/embeddings: request body input, model,
/// dimensions, encoding_format; response {"object":"list","data":[{"object":"embedding","index":i,"embedding":[...]}],
/// "model":...,"usage":{"prompt_tokens":n,"total_tokens":n}}, an embedding being a float array, or a base64 string of
/// little-endian float32 when encoding_format is "base64") and "Error codes" (401 with an "error" object for an
/// invalid key). A contract check of our client, not conformance with the real service.
/// </summary>
internal sealed class FakeOpenAIEmbeddingsServer : IAsyncDisposable
{
    public const string ValidKey = "sk-test-valid";

    private readonly WebApplication _app;

    private FakeOpenAIEmbeddingsServer(WebApplication app) => _app = app;

    /// <summary>How the next requests are answered.</summary>
    public Mode Answer { get; set; } = Mode.Ok;

    public ConcurrentQueue<(string Path, string? Authorization, JsonObject Body)> Requests { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public enum Mode
    {
        Ok,
        ServerError,
        MalformedJson,
        MissingEmbedding,
        Slow,
    }

    /// <summary>The vector the server returns for a text (so tests can check parsing).</summary>
    public static float[] VectorFor(string text, int dims) =>
        Enumerable.Range(0, dims).Select(d => (float)Math.Round(Math.Sin(text.Length + (d * 0.7)) + (text.Length > 0 ? text[0] / 1000.0 : 0), 6)).ToArray();

    public static async Task<FakeOpenAIEmbeddingsServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeOpenAIEmbeddingsServer(app);
        app.MapPost("/v1/embeddings", (Delegate)server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var authorization = context.Request.Headers.Authorization.ToString();
        Requests.Enqueue((context.Request.Path, authorization, body));
        if (authorization != "Bearer " + ValidKey)
        {
            return Results.Json(new { error = new { message = "Incorrect API key provided: sk-***.", type = "invalid_request_error", param = (string?)null, code = "invalid_api_key" } }, statusCode: 401);
        }

        switch (Answer)
        {
            case Mode.ServerError:
                return Results.Json(new { error = new { message = "The server had an error while processing your request.", type = "server_error", param = (string?)null, code = (string?)null } }, statusCode: 500);
            case Mode.MalformedJson:
                return Results.Text("{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.1,", "application/json");
            case Mode.Slow:
                await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
                break;
        }

        var inputs = body["input"] is JsonArray array ? array.Select(n => n!.GetValue<string>()).ToList() : [body["input"]!.GetValue<string>()];
        var dims = body["dimensions"]?.GetValue<int>() ?? 8;
        var base64 = body["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (Answer == Mode.MissingEmbedding && i == inputs.Count - 1)
            {
                break;
            }

            var vector = VectorFor(inputs[i], dims);
            JsonNode embedding = base64
                ? JsonValue.Create(Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan())))
                : new JsonArray(vector.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }

        var tokens = inputs.Sum(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        var response = new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = body["model"]!.GetValue<string>(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        };
        return Results.Text(response.ToJsonString(), "application/json", Encoding.UTF8);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
