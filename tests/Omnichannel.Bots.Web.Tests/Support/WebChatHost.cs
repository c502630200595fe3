using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Omnichannel.Bots.Adapters.WebChat;
using Omnichannel.Bots.AspNetCore;
using Omnichannel.Bots.Storage.Sqlite;
using Omnichannel.Bots.Testing;
using SupportBot;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>
/// The sample support bot on Kestrel at 127.0.0.1 on a free port, with its own data folder, talked to over real
/// HTTP and WebSockets. <see cref="StartAsync"/> returns once <c>/healthz/ready</c> answers 200.
/// </summary>
public sealed class WebChatHost : IAsyncDisposable
{
    public const string Secret = "test-directline-secret-0123456789abcdef";
    public const string IdentitySecret = "test-identity-secret-0123456789abcdefgh";

    private readonly WebApplication _app;
    private readonly bool _ownsData;

    private WebChatHost(WebApplication app, string dataDirectory, bool ownsData)
    {
        _app = app;
        _ownsData = ownsData;
        DataDirectory = dataDirectory;
        BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Http = new HttpClient { BaseAddress = BaseUrl };
    }

    public Uri BaseUrl { get; }

    public string DataDirectory { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="settings">Extra configuration, for example <c>Channels:WebChat:AllowedOrigins:0=https://shop.example</c>.</param>
    /// <param name="dataDirectory">An existing data folder (a restart); a new temporary one when null.</param>
    /// <param name="withSecret">False leaves Channels:WebChat:Secret unset, so the host generates and keeps one.</param>
    /// <param name="clock">The host's clock; the real one when null.</param>
    /// <param name="configureServices">More service registrations after the bot's own (a test logger provider).</param>
    public static async Task<WebChatHost> StartAsync(
        IEnumerable<string>? settings = null,
        string? dataDirectory = null,
        bool withSecret = true,
        TimeProvider? clock = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var ownsData = dataDirectory is null;
        dataDirectory ??= NewDataDirectory();
        var app = SupportBotApp.Build(
            Arguments(dataDirectory, withSecret, settings),
            Path.Combine(RepoPaths.Root, "samples", "SupportBot"),
            services =>
            {
                UseClock(services, clock);
                configureServices?.Invoke(services);
            });
        return await StartedAsync(app, dataDirectory, ownsData);
    }

    /// <summary>
    /// Web chat on a bot the caller declares (its dialogs) instead of the sample's, on SQLite in a new temporary data
    /// folder: an adapter test without the sample's knowledge base and handoff.
    /// </summary>
    /// <param name="declareBot">Adds the bot's dialogs (web chat and SQLite storage are added here).</param>
    /// <param name="clock">The host's clock; the real one when null.</param>
    public static async Task<WebChatHost> StartAsync(Action<BotBuilder> declareBot, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(declareBot);
        var dataDirectory = NewDataDirectory();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = Arguments(dataDirectory, withSecret: true, settings: null), ContentRootPath = dataDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOmnichannelBot(bot =>
        {
            declareBot(bot);
            bot.AddSqliteStorage().AddWebChatChannel();
        });
        UseClock(builder.Services, clock);
        var app = builder.Build();
        app.MapBotEndpoints();
        return await StartedAsync(app, dataDirectory, ownsData: true);
    }

    private static string NewDataDirectory() => Directory.CreateTempSubdirectory("omnibot-webchat-").FullName;

    private static string[] Arguments(string dataDirectory, bool withSecret, IEnumerable<string>? settings)
    {
        List<string> args = ["--urls=http://127.0.0.1:0", $"--Storage:DataDirectory={dataDirectory}", $"--Channels:WebChat:UserIdentitySecret={IdentitySecret}"];
        if (withSecret)
        {
            args.Add($"--Channels:WebChat:Secret={Secret}");
        }

        args.AddRange((settings ?? []).Select(s => "--" + s));
        return [.. args];
    }

    private static void UseClock(IServiceCollection services, TimeProvider? clock)
    {
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }
    }

    private static async Task<WebChatHost> StartedAsync(WebApplication app, string dataDirectory, bool ownsData)
    {
        await app.StartAsync();
        var host = new WebChatHost(app, dataDirectory, ownsData);

        // Listening is not answering: the knowledge base loads in the background after start.
        await Readiness.WaitOrDisposeAsync(host.Http, host);
        return host;
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? bearer, object? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (json is not null)
        {
            request.Content = JsonContent.Create(json);
        }

        return request;
    }

    /// <summary>Starts a conversation with the secret: its id, token and stream URL.</summary>
    public async Task<StartedConversation> StartConversationAsync()
    {
        using var response = await Http.SendAsync(Request(HttpMethod.Post, "/v3/directline/conversations", Secret));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new StartedConversation(body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!, new Uri(body.GetProperty("streamUrl").GetString()!));
    }

    /// <summary>What a site's backend does for its page: POST /v3/directline/tokens/generate with the secret.</summary>
    public async Task<GeneratedToken> GenerateTokenAsync()
    {
        using var response = await Http.SendAsync(Request(HttpMethod.Post, "/v3/directline/tokens/generate", Secret));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new GeneratedToken(body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!, body.GetProperty("resumeSecret").GetString());
    }

    /// <summary>
    /// What a returning page does with the token it kept, expired or not, and the resume secret issued with it: POST
    /// /api/webchat/token with <c>{"resume": token, "resumeSecret": secret}</c> (from the host's own origin), which gives
    /// a new token for the same conversation and the next resume secret.
    /// </summary>
    public async Task<GeneratedToken> ResumeTokenAsync(string kept, string resumeSecret)
    {
        using var request = Request(HttpMethod.Post, "/api/webchat/token", bearer: null, new { resume = kept, resumeSecret });
        request.Headers.Add("Origin", BaseUrl.GetLeftPart(UriPartial.Authority));
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new GeneratedToken(body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!, body.GetProperty("resumeSecret").GetString());
    }

    /// <summary>An identity the embedding site signs for a logged-in customer (HS256 JWT of <paramref name="claims"/>), as the widget's <c>userToken</c>.</summary>
    public static string SignedUserToken(object claims, string secret = IdentitySecret)
    {
        var header = Base64Url.EncodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8);
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(header + "." + payload));
        return header + "." + payload + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>The Direct Line domain clients are given: http://127.0.0.1:PORT/v3/directline.</summary>
    public string DirectLineDomain => new Uri(BaseUrl, "/v3/directline").ToString();

    public async Task<JsonElement> PostMessageAsync(StartedConversation conversation, string text, string? clientActivityId = null)
    {
        var activity = new Dictionary<string, object?>
        {
            ["type"] = "message",
            ["from"] = new { id = "someone" },
            ["text"] = text,
            ["channelData"] = new { clientActivityID = clientActivityId ?? Guid.NewGuid().ToString("N") },
        };
        using var response = await Http.SendAsync(Request(HttpMethod.Post, $"/v3/directline/conversations/{conversation.Id}/activities", conversation.Token, activity));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<ActivityPage> GetActivitiesAsync(StartedConversation conversation, string? watermark = null)
    {
        var path = $"/v3/directline/conversations/{conversation.Id}/activities" + (watermark is null ? string.Empty : "?watermark=" + watermark);
        using var response = await Http.SendAsync(Request(HttpMethod.Get, path, conversation.Token));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new ActivityPage([.. body.GetProperty("activities").EnumerateArray().Select(a => a.Clone())], body.GetProperty("watermark").GetString()!);
    }

    /// <summary>Polls the activities until one from the bot has this text.</summary>
    public async Task<ActivityPage> WaitForBotTextAsync(StartedConversation conversation, string text)
    {
        ActivityPage page = new([], "0");
        await Eventually.UntilAsync(
            async () =>
            {
                page = await GetActivitiesAsync(conversation);
                return page.Activities.Any(a => a.IsFromBot() && a.Text() == text);
            },
            $"the bot to say '{text}'",
            () => string.Join(Environment.NewLine, page.Activities.Select(a => a.Text())));
        return page;
    }

    /// <summary>
    /// Waits until the bot has nothing left to do for what it accepted so far (<see cref="BotIdle"/>); web chat's sends
    /// are appends to the local log, so every accepted message's replies are then in the conversation's log.
    /// </summary>
    public Task WaitUntilIdleAsync() => BotIdle.WaitAsync(Services);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsData)
        {
            TryDelete(DataDirectory);
        }
    }

    public static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder.
        }
    }
}

/// <param name="ResumeSecret">What lets a page resume the conversation after the token expires (with the token).</param>
public sealed record GeneratedToken(string ConversationId, string Token, string? ResumeSecret);

public sealed record StartedConversation(string Id, string Token, Uri StreamUrl);

public sealed record ActivityPage(IReadOnlyList<JsonElement> Activities, string Watermark);

public static class ActivityExtensions
{
    public static bool IsFromBot(this JsonElement activity) => activity.GetProperty("from").GetProperty("role").GetString() == "bot";

    public static string? Text(this JsonElement activity) => activity.TryGetProperty("text", out var text) ? text.GetString() : null;

    public static string Id(this JsonElement activity) => activity.GetProperty("id").GetString()!;

    public static string? ClientActivityId(this JsonElement activity) =>
        activity.TryGetProperty("channelData", out var data) && data.TryGetProperty("clientActivityID", out var id) ? id.GetString() : null;
}
