using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Omnichannel.Bots.Handoff;
using Omnichannel.Bots.Handoff.Desk;
using Omnichannel.Bots.Handoff.Workspace;
using Omnichannel.Bots.Testing;
using Xunit.Abstractions;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>
/// Every endpoint the sample host maps (enumerated from its <see cref="EndpointDataSource"/>, so endpoints added later
/// are covered) gets bad bodies: the answer is a 4xx, or a 2xx that stored only valid text; never a 5xx, never an
/// Error log; and the host still answers a normal round trip afterwards. A failure prints the seed; set
/// OMNIBOT_FUZZ_SEED to replay it.
/// </summary>
public sealed class BadBodyFuzzTests(ITestOutputHelper output)
{
    private const string AgentId = "alice";
    private const string Password = "correct horse battery staple";
    private const int RequestsPerKind = 2;

    /// <summary>Endpoints that read a JSON body, with a valid body; the fuzz bodies are made from it.</summary>
    private static readonly Dictionary<(string Method, string Pattern), string> ValidBodies = new()
    {
        [("POST", "/v3/directline/tokens/generate")] = """{"user":{"id":"fuzz-user","name":"Fuzz"}}""",
        [("POST", "/v3/directline/conversations")] = """{"user":{"id":"fuzz-user","name":"Fuzz"}}""",
        [("POST", "/v3/directline/conversations/{conversationId}/activities")] =
            """{"type":"message","from":{"id":"fuzz","name":"Fuzz"},"text":"where is my order","locale":"en-GB","value":{"choice":"1"},"channelData":{"clientActivityID":"fuzz-1"}}""",
        [("POST", "/v3/directline/conversations/{conversationId}/upload")] = """{"type":"message","text":"see the photo","channelData":{"clientActivityID":"fuzz-upload"}}""",
        [("POST", "/api/webchat/token")] = """{"resume":"RESUME","userToken":null}""",
        [("POST", "/api/agent/session")] = $$"""{"id":"{{AgentId}}","password":"{{Password}}"}""",
        [("POST", "/api/agent/tickets/{id}/reply")] = """{"text":"Your parcel left the depot today."}""",
        [("POST", "/api/agent/tickets/{id}/notes")] = """{"text":"Customer is polite."}""",
        [("POST", "/api/agent/tickets/{id}/transfer")] = """{"queue":"general"}""",
        [("POST", "/api/agent/tickets/{id}/template")] = """{"name":"order_update","language":"en_US","parameters":["12345"],"text":"Your order shipped."}""",
    };

    /// <summary>Endpoints whose body may be empty (a 2xx for an empty body is then right).</summary>
    private static readonly HashSet<string> EmptyBodyAllowed = ["/v3/directline/tokens/generate", "/v3/directline/conversations", "/api/webchat/token"];

    [Fact]
    public async Task EveryMappedEndpoint_BadBodies_Answer4xxNever5xxAndLogNoError()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("OMNIBOT_FUZZ_SEED"), CultureInfo.InvariantCulture, out var fixedSeed) ? fixedSeed : Random.Shared.Next();
        output.WriteLine($"seed {seed} (OMNIBOT_FUZZ_SEED={seed} replays it)");
        var random = new Random(seed);
        var fuzzer = new BodyFuzzer(random);
        var logs = new CapturedLogs();
        await using var host = await WebChatHost.StartAsync(AgentSettings(), configureServices: services => services.AddSingleton<ILoggerProvider>(logs));
        using var agent = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = host.BaseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var real = await RealValuesAsync(host, agent);
        var targets = Targets(host);
        output.WriteLine($"{targets.Count} endpoints: {string.Join(", ", targets.Select(t => $"{t.Method} {t.Pattern.RawText}"))}");
        Assert.Contains(targets, t => t.Pattern.RawText == "/v3/directline/conversations/{conversationId}/activities");
        Assert.Contains(targets, t => t.Pattern.RawText == "/api/agent/tickets/{id}/reply");
        var logsBefore = logs.Entries.Count;

        var failures = new List<string>();
        var acceptedTexts = new HashSet<string>(StringComparer.Ordinal) { "agent", "see the photo" };
        var sent = 0;
        foreach (var kind in BodyFuzzer.Kinds)
        {
            foreach (var target in targets)
            {
                for (var i = 0; i < RequestsPerKind; i++)
                {
                    var valid = ValidBody(target, real);
                    var body = fuzzer.Make(kind, valid);
                    var path = Path(target.Pattern, real, random);
                    using var request = Request(host, target, path, body, real, random);
                    var client = target is { Method: "DELETE", Pattern.RawText: "/api/agent/session" } ? host.Http : agent; // keep the session
                    var (status, answer) = await SendAsync(client, request);
                    sent++;
                    var what = $"seed {seed}, {kind}: {target.Method} {path} with {BodyFuzzer.Describe(body)} → {status}: {answer}";
                    if (status >= 500)
                    {
                        failures.Add(what);
                    }
                    else if (status is >= 200 and < 300 && ReadsBody(target, request)
                        && !(body.Length == 0 ? EmptyBodyAllowed.Contains(target.Pattern.RawText!) : BodyFuzzer.IsStrictJson(body)))
                    {
                        failures.Add("accepted a body that is not valid JSON text: " + what);
                    }
                    else if (status is >= 200 and < 300 && target.Method == "POST" && (target.Pattern.RawText!.EndsWith("/activities", StringComparison.Ordinal) || target.Pattern.RawText.EndsWith("/upload", StringComparison.Ordinal))
                        && JsonDocument.Parse(body).RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
                    {
                        acceptedTexts.Add(text.GetString()!);
                    }
                }
            }
        }

        output.WriteLine($"{sent} requests");
        var errors = logs.Entries.Skip(logsBefore)
            .Where(e => e.Level >= LogLevel.Error || (e.Level >= LogLevel.Warning && e.Exception is not null))
            .Select(e => e.ToString()).Distinct().Take(5).ToList();

        // Only what was valid was stored: every customer message in the conversation is text some accepted body had.
        await host.WaitUntilIdleAsync();
        var activities = new List<JsonElement>();
        for (var page = await host.GetActivitiesAsync(real.Conversation); page.Activities.Count > 0; page = await host.GetActivitiesAsync(real.Conversation, page.Watermark))
        {
            activities.AddRange(page.Activities);
        }

        var stored = activities.Where(a => !a.IsFromBot() && a.GetProperty("type").GetString() == "message").Select(a => a.Text()).OfType<string>().ToList();
        var unexpected = stored.Where(t => !acceptedTexts.Contains(t)).ToList();

        // And the host still answers a normal round trip.
        var after = await host.StartConversationAsync();
        var start = (await host.GetActivitiesAsync(after)).Watermark;
        await host.PostMessageAsync(after, "how long does shipping take");
        await Eventually.UntilAsync(
            async () => (await host.GetActivitiesAsync(after, start)).Activities.Any(a => a.IsFromBot()),
            "the bot to answer after the fuzz run");

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed (seed {seed}):{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(10))}");
        Assert.True(errors.Count == 0, $"A client's bad body was logged as an error (seed {seed}):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        Assert.True(unexpected.Count == 0, $"Stored customer text no accepted body had (seed {seed}): {string.Join(" | ", unexpected)}");
    }

    [Fact]
    public async Task WidgetToken_UserTokenHeaderNotUtf8_Is401NotServerError()
    {
        await using var host = await WebChatHost.StartAsync();
        byte[] header = [.. "{\"alg\":\"HS"u8, 0xFF, .. "256\"}"u8];
        var userToken = Base64Url.EncodeToString(header) + ".e30." + Base64Url.EncodeToString(new byte[32]);
        using var request = host.Request(HttpMethod.Post, "/api/webchat/token", bearer: null, new { userToken });
        request.Headers.Add("Origin", host.BaseUrl.GetLeftPart(UriPartial.Authority));

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("userToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v3/directline/conversations/{0}/activities", "text")]
    [InlineData("/api/webchat/token", "resume")]
    public async Task Post_InvalidUtf8InsideAJsonString_Is400NamingTheField(string pathFormat, string field)
    {
        await using var host = await WebChatHost.StartAsync();
        var conversation = await host.StartConversationAsync();
        byte[] body = [.. Encoding.UTF8.GetBytes($"{{\"type\":\"message\",\"{field}\":\"caf"), 0xC3, .. "\"}"u8];
        using var request = host.Request(HttpMethod.Post, string.Format(CultureInfo.InvariantCulture, pathFormat, conversation.Id), conversation.Token);
        request.Headers.Add("Origin", host.BaseUrl.GetLeftPart(UriPartial.Authority));
        request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("BadArgument", error.GetProperty("code").GetString());
        Assert.Contains("$." + field, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/agent/session")]
    [InlineData("/api/agent/tickets/{0}/reply")]
    public async Task AgentApi_InvalidUtf8InsideAJsonString_Is400NamingTheField(string pathFormat)
    {
        var logs = new CapturedLogs();
        await using var host = await WebChatHost.StartAsync(
            [.. AgentSettings(), "Logging:LogLevel:Omnichannel.Bots.AspNetCore=Information"],
            configureServices: services => services.AddSingleton<ILoggerProvider>(logs));
        using var agent = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = host.BaseUrl };
        var real = await RealValuesAsync(host, agent);
        using var request = new HttpRequestMessage(HttpMethod.Post, string.Format(CultureInfo.InvariantCulture, pathFormat, real.TicketId));
        request.Headers.Add("X-Requested-With", "omnibot-agent");
        byte[] body = [.. "{\"id\":\"alice\",\"password\":\"x\",\"text\":\"hello "u8, 0xED, 0xA0, 0x80, .. "\"}"u8];
        request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };

        using var response = await agent.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not valid UTF-8", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("is not valid UTF-8", StringComparison.Ordinal) && !e.Message.Contains("hello", StringComparison.Ordinal));
    }

    /// <summary>A started conversation (with a handoff ticket), a signed-in agent session, and an uploaded file.</summary>
    private static async Task<RealValues> RealValuesAsync(WebChatHost host, HttpClient agent)
    {
        var conversation = await host.StartConversationAsync();
        await host.PostMessageAsync(conversation, "agent");
        var desk = host.Services.GetRequiredService<IHandoffDesk>();
        long ticketId = 0;
        await Eventually.UntilAsync(
            async () =>
            {
                ticketId = (await desk.ListOpenAsync(CancellationToken.None)).Select(t => t.Id).FirstOrDefault();
                return ticketId > 0;
            },
            "a handoff ticket for the conversation that asked for an agent");

        using (var signIn = new HttpRequestMessage(HttpMethod.Post, "/api/agent/session"))
        {
            signIn.Headers.Add("X-Requested-With", "omnibot-agent");
            signIn.Content = JsonContent.Create(new { id = AgentId, password = Password });
            using var response = await agent.SendAsync(signIn);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        var fileId = "none";
        using (var upload = host.Request(HttpMethod.Post, $"/v3/directline/conversations/{conversation.Id}/upload", conversation.Token))
        {
            upload.Content = new MultipartFormDataContent { { new ByteArrayContent("GIF89a"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("image/gif") } }, "file", "a.gif" } };
            using var response = await host.Http.SendAsync(upload);
            response.EnsureSuccessStatusCode();
            var page = await host.GetActivitiesAsync(conversation);
            var url = page.Activities.SelectMany(a => a.TryGetProperty("attachments", out var list) ? list.EnumerateArray().ToList() : [])
                .Select(a => a.GetProperty("contentUrl").GetString()!).First();
            fileId = new Uri(url).AbsolutePath.Split('/')[^1];
        }

        return new RealValues(conversation, ticketId, fileId);
    }

    /// <summary>Every route endpoint the host mapped, once per HTTP method it answers (a route without methods: a random one).</summary>
    private static List<Target> Targets(WebChatHost host) =>
    [
        .. host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : ["POST", "PUT", "PATCH", "DELETE"])
                .Select(m => new Target(m, e.RoutePattern)))
            .OrderBy(t => t.Pattern.RawText, StringComparer.Ordinal).ThenBy(t => t.Method, StringComparer.Ordinal),
    ];

    /// <summary>Whether the endpoint reads this request's body (starting a conversation with a token returns the token's conversation).</summary>
    private static bool ReadsBody(Target target, HttpRequestMessage request) =>
        ValidBodies.ContainsKey((target.Method, target.Pattern.RawText!))
        && (target.Pattern.RawText != "/v3/directline/conversations" || request.Headers.Authorization?.Parameter == WebChatHost.Secret);

    private static byte[] ValidBody(Target target, RealValues real) =>
        Encoding.UTF8.GetBytes(ValidBodies.TryGetValue((target.Method, target.Pattern.RawText!), out var body)
            ? body.Replace("RESUME", real.Conversation.Token, StringComparison.Ordinal)
            : """{"type":"message","text":"hello","id":1,"items":[1,2,{"a":"b"}]}""");

    /// <summary>The route with each parameter filled: mostly a real value (conversation, ticket, file), else a random one.</summary>
    private static string Path(RoutePattern pattern, RealValues real, Random random)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternParameterPart parameter when random.Next(4) > 0 && Real(parameter.Name, real) is { } value => value,
                    RoutePatternParameterPart => RandomSegment(random),
                    RoutePatternSeparatorPart separator => separator.Content,
                    _ => "",
                });
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    private static string? Real(string parameter, RealValues real) => parameter switch
    {
        "conversationId" => real.Conversation.Id,
        "id" => real.TicketId.ToString(CultureInfo.InvariantCulture),
        "fileId" => real.FileId,
        _ => null,
    };

    private static string RandomSegment(Random random)
    {
        string[] odd = ["0", "-1", "99999999999999999999999", "%00", "%FF%FE", "..", "%2e%2e%2f", "a%20b", new string('x', 300), "%E2%82", "agent.js", "login"];
        return random.Next(2) == 0 ? odd[random.Next(odd.Length)] : Convert.ToHexString(BitConverter.GetBytes(random.NextInt64())).ToLowerInvariant();
    }

    private static HttpRequestMessage Request(WebChatHost host, Target target, string path, byte[] body, RealValues real, Random random)
    {
        var request = new HttpRequestMessage(new HttpMethod(target.Method), path);
        var pattern = target.Pattern.RawText!;
        if (pattern.StartsWith("/v3/directline", StringComparison.Ordinal))
        {
            var wantsSecret = pattern is "/v3/directline/tokens/generate" or "/v3/directline/conversations";
            var right = wantsSecret ? WebChatHost.Secret : real.Conversation.Token;
            string?[] credentials = [right, right, right, right, null, "not-a-token", wantsSecret ? real.Conversation.Token : WebChatHost.Secret];
            if (credentials[random.Next(credentials.Length)] is { } credential)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
            }
        }

        request.Headers.Add("Origin", host.BaseUrl.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("X-Requested-With", "omnibot-agent");
        if (pattern.EndsWith("/upload", StringComparison.Ordinal) && random.Next(4) > 0)
        {
            // The fuzzed JSON is the upload's activity part.
            request.Content = new MultipartFormDataContent
            {
                { new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity") } }, "activity", "blob" },
                { new ByteArrayContent("GIF89a"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("image/gif") } }, "file", "a.gif" },
            };
            return request;
        }

        request.Content = new ByteArrayContent(body);
        string?[] contentTypes = ["application/json", "application/json", "application/json; charset=utf-8", "text/plain", null];
        if (contentTypes[random.Next(contentTypes.Length)] is { } contentType)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return request;
    }

    /// <summary>The status and the start of the answer (an event stream only to its headers).</summary>
    private static async Task<(int Status, string Answer)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            return ((int)response.StatusCode, "(event stream)");
        }

        var answer = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, answer.Length > 300 ? answer[..300] + "…" : answer);
    }

    private static string[] AgentSettings() =>
    [
        $"Agents:Accounts:0:Id={AgentId}",
        "Agents:Accounts:0:Name=Alice",
        $"Agents:Accounts:0:PasswordHash={AgentPasswordHasher.Hash(Password, AgentPasswordHasher.MinimumIterations)}",
    ];

    private sealed record Target(string Method, RoutePattern Pattern);

    private sealed record RealValues(StartedConversation Conversation, long TicketId, string FileId);
}
