using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Adapters.Telegram.Tests;

/// <summary>
/// A local stand-in for the Telegram Bot API on Kestrel (127.0.0.1, a free port): point
/// <c>Channels:Telegram:ApiBaseUrl</c> at <see cref="BaseUrl"/>. It records every call (<c>POST /bot&lt;token&gt;/&lt;method&gt;</c>,
/// JSON, form or multipart parameters) and answers as the Bot API documents ("Making requests"): <c>{"ok":true,"result":...}</c>
/// with a Message object for the send methods, <c>true</c> for the others, the queued updates for <c>getUpdates</c>
/// (long polling: those at or past <c>offset</c>, waiting up to <c>timeout</c>), or a scripted error
/// (<see cref="FailNext"/>). Results against it are contract checks, not conformance with the real service.
/// </summary>
public sealed class FakeTelegramBotApi : IAsyncDisposable
{
    public const long BotId = 7000000001;
    public const string Token = "7000000001:AAFakeTokenForTestsOnly_0123456789abcdef";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<BotApiRequest> _requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<BotApiError>> _failures = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _updates = [];
    private readonly Lock _updatesLock = new();
    private readonly SemaphoreSlim _updateArrived = new(0);
    private int _nextMessageId = 100;

    private FakeTelegramBotApi(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every call so far, in order.</summary>
    public IReadOnlyList<BotApiRequest> Requests => [.. _requests];

    /// <summary>The longest a <c>getUpdates</c> call waits for an update, whatever its <c>timeout</c> (keeps a stopping host quick).</summary>
    public TimeSpan MaxPollWait { get; set; } = TimeSpan.FromSeconds(2);

    public static async Task<FakeTelegramBotApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new FakeTelegramBotApi(app);
        app.MapPost("/bot{token}/{method}", (Func<HttpContext, string, string, Task<IResult>>)api.HandleAsync);
        await app.StartAsync();
        api.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return api;
    }

    /// <summary>The next call of <paramref name="method"/> fails with <paramref name="error"/> (queued: several calls fail in turn).</summary>
    public void FailNext(string method, BotApiError error) => _failures.GetOrAdd(method, _ => new()).Enqueue(error);

    /// <summary>Queues an update for <c>getUpdates</c> (its <c>update_id</c> must grow, as Telegram's do).</summary>
    public void EnqueueUpdate(string updateJson)
    {
        lock (_updatesLock)
        {
            _updates.Add(JsonNode.Parse(updateJson)!.AsObject());
        }

        _updateArrived.Release();
    }

    public IReadOnlyList<BotApiRequest> Calls(string method) => [.. _requests.Where(r => r.Method == method)];

    /// <summary>Waits until <paramref name="count"/> calls of <paramref name="method"/> matching <paramref name="match"/> were made; returns them.</summary>
    public async Task<IReadOnlyList<BotApiRequest>> WaitForAsync(string method, int count = 1, Func<BotApiRequest, bool>? match = null)
    {
        IReadOnlyList<BotApiRequest> found = [];
        await Eventually.UntilAsync(
            () =>
            {
                found = [.. Calls(method).Where(r => match?.Invoke(r) ?? true)];
                return found.Count >= count;
            },
            $"{count} {method} call(s) to the Bot API",
            () => "Calls so far: " + string.Join(", ", Requests.Select(r => r.Method)));
        return found;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _updateArrived.Dispose();
    }

    private async Task<IResult> HandleAsync(HttpContext http, string token, string method)
    {
        var parameters = await ReadParametersAsync(http.Request);
        _requests.Enqueue(new BotApiRequest(method, token, parameters));
        if (token != Token)
        {
            return Error(new BotApiError(401, "Unauthorized"));
        }

        if (_failures.TryGetValue(method, out var failures) && failures.TryDequeue(out var failure))
        {
            return Error(failure);
        }

        JsonNode? result = method switch
        {
            "getMe" => new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Test bot", ["username"] = "test_bot" },
            "sendMessage" => SentMessage(parameters, "text", JsonValue.Create(Parameter(parameters, "text"))),
            "sendPhoto" => SentMessage(parameters, "photo", new JsonArray(new JsonObject { ["file_id"] = "sent-photo", ["file_unique_id"] = "u1", ["width"] = 1, ["height"] = 1 })),
            "sendDocument" => SentMessage(parameters, "document", new JsonObject { ["file_id"] = "sent-document", ["file_unique_id"] = "u2" }),
            "sendLocation" => SentMessage(parameters, "location", new JsonObject { ["latitude"] = 0.0, ["longitude"] = 0.0 }),
            "getUpdates" => await PollAsync(parameters, http.RequestAborted),
            "answerCallbackQuery" or "sendChatAction" or "setWebhook" or "deleteWebhook" => JsonValue.Create(true),
            _ => null,
        };
        return result is null
            ? Error(new BotApiError(404, "Not Found: method not found"))
            : Results.Json(new JsonObject { ["ok"] = true, ["result"] = result });
    }

    private JsonObject SentMessage(JsonElement parameters, string field, JsonNode? content)
    {
        var chatId = long.Parse(Parameter(parameters, "chat_id") ?? "0", CultureInfo.InvariantCulture);
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _nextMessageId),
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Test bot" },
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            [field] = content,
        };
        if (parameters.TryGetProperty("reply_markup", out var markup))
        {
            message["reply_markup"] = JsonNode.Parse(markup.ValueKind == JsonValueKind.String ? markup.GetString()! : markup.GetRawText());
        }

        return message;
    }

    /// <summary>Long polling as Telegram does it: updates below <c>offset</c> are confirmed and dropped; the rest returned, waiting for one if there is none.</summary>
    private async Task<JsonNode> PollAsync(JsonElement parameters, CancellationToken aborted)
    {
        var offset = int.TryParse(Parameter(parameters, "offset"), CultureInfo.InvariantCulture, out var o) ? o : 0;
        var timeout = int.TryParse(Parameter(parameters, "timeout"), CultureInfo.InvariantCulture, out var t) ? TimeSpan.FromSeconds(t) : TimeSpan.Zero;
        var deadline = DateTime.UtcNow + (timeout < MaxPollWait ? timeout : MaxPollWait);
        while (true)
        {
            lock (_updatesLock)
            {
                _updates.RemoveAll(update => (int)update["update_id"]! < offset);
                if (_updates.Count > 0 || DateTime.UtcNow >= deadline)
                {
                    return new JsonArray([.. _updates.Select(update => update.DeepClone())]);
                }
            }

            try
            {
                await _updateArrived.WaitAsync(deadline - DateTime.UtcNow, aborted);
            }
            catch (OperationCanceledException)
            {
                return new JsonArray();
            }
        }
    }

    private static string? Parameter(JsonElement parameters, string name) =>
        parameters.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    private static IResult Error(BotApiError error)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = error.ErrorCode, ["description"] = error.Description };
        if (error.RetryAfter is { } retryAfter)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = retryAfter };
        }

        return Results.Json(body, statusCode: error.ErrorCode);
    }

    /// <summary>The call's parameters as one JSON object: a JSON body as it is; form and multipart fields as strings.</summary>
    private static async Task<JsonElement> ReadParametersAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var fields = new JsonObject();
            foreach (var (key, value) in form)
            {
                fields[key] = value.ToString();
            }

            foreach (var file in form.Files)
            {
                fields[file.Name] = $"<file {file.FileName}, {file.Length} bytes>";
            }

            return JsonSerializer.SerializeToElement(fields);
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        return string.IsNullOrWhiteSpace(text) ? JsonSerializer.SerializeToElement(new JsonObject()) : JsonDocument.Parse(text).RootElement.Clone();
    }
}
