using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Omnichannel.Bots.Testing;

namespace Benchmarks;

/// <summary>
/// `flood`: what Limits:* buys a well-behaved client while another address floods. The sample bot runs in this process
/// on 127.0.0.1; one client (127.0.0.2) does paced round trips (a widget token, the conversation start with it, the
/// stream, "hi" and the bot's reply on the stream), first alone, then while flooders at 127.0.0.1 hammer
/// <c>POST /api/webchat/token</c> and <c>POST /api/agent/session</c> for the same time. Every loop ends at its phase's
/// deadline or request cap.
/// </summary>
public static class FloodCommand
{
    public const string Usage = "flood [--seconds S (10)] [--flooders F (8)] [--rate R (4 round trips/s)] [--permits P (600 conversation starts/min per address)] [--max-requests N (2000000)]";

    private static readonly IPAddress Flooder = IPAddress.Loopback;
    private static readonly IPAddress Client = IPAddress.Parse("127.0.0.2");

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 10);
        var flooders = Option(args, "--flooders", 8);
        var rate = Option(args, "--rate", 4);
        var permits = Option(args, "--permits", 600);
        var maxRequests = Option(args, "--max-requests", 2_000_000);
        var phase = TimeSpan.FromSeconds(seconds);
        var root = Directory.CreateTempSubdirectory("omnibot-bench-flood-");
        Console.WriteLine("Omnichannel.Bots limits under a flood: the sample support bot in this process, Kestrel on 127.0.0.1");
        Console.WriteLine(HandoffCommand.Row("machine", $"{Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}"));
        Console.WriteLine(HandoffCommand.Row("machine load", MachineFacts.LoadAverage() + " (1/5/15-min load average at the start: other processes share these cores)"));
        Console.WriteLine(HandoffCommand.Row("limits", $"Limits:ConversationStartsPerAddress {permits}/min, Limits:SignInsPerAddress 10/min (default), sliding windows"));
        Console.WriteLine(HandoffCommand.Row("client", $"{Client}: up to {rate} round trips/s, each: POST /api/webchat/token, POST /v3/directline/conversations with it, open the stream, post \"hi\", the bot's reply on the stream"));
        Console.WriteLine(HandoffCommand.Row("flood", $"{Flooder}: {flooders} loops, each alternating POST /api/webchat/token and POST /api/agent/session (a wrong password), no pause, for {seconds} s or {maxRequests} requests"));
        try
        {
            await using var host = await SupportBotHost.StartInProcessAsync(root.FullName, [new("Limits:ConversationStartsPerAddress:PermitLimit", permits.ToString(CultureInfo.InvariantCulture))]);
            using var client = LoopbackClients.Create(host.BaseUrl, Client);
            using var streams = new HttpMessageInvoker(LoopbackClients.Handler(Client));
            await RoundTripAsync(host.BaseUrl, client, streams, CancellationToken.None); // JIT and first-request costs, unmeasured

            var quiet = await RoundTripsAsync(host.BaseUrl, client, streams, rate, phase);
            Print("no flood", quiet);

            using var flood = new CancellationTokenSource(phase);
            var counts = new FloodCounts();
            var flooding = Enumerable.Range(0, flooders).Select(_ => FloodAsync(host.BaseUrl, counts, maxRequests, flood.Token)).ToList();
            var stopwatch = Stopwatch.StartNew();
            var loud = await RoundTripsAsync(host.BaseUrl, client, streams, rate, phase);
            await Task.WhenAll(flooding);
            var elapsed = stopwatch.Elapsed;
            Print("during the flood", loud);
            Console.WriteLine(HandoffCommand.Row("flood requests", HandoffCommand.Invariant(
                $"{counts.Total} in {elapsed.TotalSeconds:0.0} s ({counts.Total / elapsed.TotalSeconds:0} /s); 429: {Share(counts.TokenLimited, counts.Token)} of widget tokens, {Share(counts.SignInLimited, counts.SignIn)} of sign-ins; {counts.Errors} failed without a status")));
            Console.WriteLine(HandoffCommand.Row("flood got through", $"{counts.Token - counts.TokenLimited} widget tokens, {counts.SignIn - counts.SignInLimited} sign-in attempts checked"));
            return quiet.Failures + loud.Failures == 0 ? 0 : 1;
        }
        finally
        {
            try
            {
                root.Delete(recursive: true);
            }
            catch (IOException)
            {
                // The OS cleans the temp folder.
            }
        }
    }

    private static async Task<RoundTrips> RoundTripsAsync(Uri baseUrl, HttpClient client, HttpMessageInvoker streams, int rate, TimeSpan duration)
    {
        var latencies = new List<long>();
        var failures = 0;
        string? firstFailure = null;
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var started = Stopwatch.StartNew();
        while (started.Elapsed < duration)
        {
            var next = started.Elapsed + interval;
            var one = Stopwatch.GetTimestamp();
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await RoundTripAsync(baseUrl, client, streams, timeout.Token);
                latencies.Add(Stopwatch.GetTimestamp() - one);
            }
            catch (Exception ex) when (ex is HttpRequestException or WebSocketException or OperationCanceledException or InvalidOperationException)
            {
                failures++;
                firstFailure ??= ex.Message;
            }

            if (next > started.Elapsed)
            {
                await Task.Delay(next - started.Elapsed);
            }
        }

        return new RoundTrips(new LatencyDistribution(latencies), failures, firstFailure);
    }

    /// <summary>Token, conversation, stream, "hi" and the first bot message in answer; throws when any step fails.</summary>
    private static async Task RoundTripAsync(Uri baseUrl, HttpClient client, HttpMessageInvoker streams, CancellationToken cancellationToken)
    {
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token") { Content = JsonContent.Create(new { }) };
        tokenRequest.Headers.Add("Origin", baseUrl.GetLeftPart(UriPartial.Authority));
        using var tokenResponse = (await client.SendAsync(tokenRequest, cancellationToken)).EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("token").GetString()!;

        using var startRequest = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        startRequest.Headers.Authorization = new("Bearer", token);
        using var startResponse = (await client.SendAsync(startRequest, cancellationToken)).EnsureSuccessStatusCode();
        var started = await startResponse.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var conversationId = started.GetProperty("conversationId").GetString()!;

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(started.GetProperty("streamUrl").GetString()!), streams, cancellationToken);
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
        {
            Content = JsonContent.Create(new { type = "message", from = new { id = "flood-client" }, text = "hi" }),
        };
        post.Headers.Authorization = new("Bearer", token);
        (await client.SendAsync(post, cancellationToken)).Dispose();
        await ReplyAsync(socket, cancellationToken);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
    }

    /// <summary>Reads the stream until an activity from the bot arrives.</summary>
    private static async Task ReplyAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new InvalidOperationException("The stream closed before the bot answered.");
                }

                frame.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (frame.Length == 0)
            {
                continue;
            }

            using var set = JsonDocument.Parse(frame.ToArray());
            if (set.RootElement.TryGetProperty("activities", out var activities)
                && activities.EnumerateArray().Any(a => a.GetProperty("from").TryGetProperty("role", out var role) && role.GetString() == "bot" && a.GetProperty("type").GetString() == "message"))
            {
                return;
            }
        }
    }

    private static async Task FloodAsync(Uri baseUrl, FloodCounts counts, int maxRequests, CancellationToken cancellationToken)
    {
        using var http = LoopbackClients.Create(baseUrl, Flooder);
        var origin = baseUrl.GetLeftPart(UriPartial.Authority);
        var signIn = Encoding.UTF8.GetBytes("{\"id\":\"flood\",\"password\":\"not-the-password\"}");
        for (var i = 0; !cancellationToken.IsCancellationRequested && counts.Total < maxRequests; i++)
        {
            var isToken = i % 2 == 0;
            using var request = new HttpRequestMessage(HttpMethod.Post, isToken ? "/api/webchat/token" : "/api/agent/session")
            {
                Content = new ByteArrayContent(isToken ? "{}"u8.ToArray() : signIn) { Headers = { ContentType = new("application/json") } },
            };
            request.Headers.Add("Origin", origin);
            request.Headers.Add("X-Requested-With", "omnibot-agent");
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                counts.Add(isToken, response.StatusCode == HttpStatusCode.TooManyRequests);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref counts.Errors);
            }
        }
    }

    private static void Print(string title, RoundTrips trips)
    {
        Console.WriteLine(HandoffCommand.Row(title, HandoffCommand.Invariant(
            $"{trips.Latency.Count} round trips of {Client}: {HandoffCommand.Percentiles(trips.Latency)}; {trips.Failures} failed{(trips.FirstFailure is null ? "" : " (first: " + trips.FirstFailure + ")")}")));
    }

    private static string Share(long part, long whole) => whole == 0 ? "n/a" : HandoffCommand.Invariant($"{100.0 * part / whole:0.0}% ({part}/{whole})");

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return fallback;
        }

        if (index + 1 >= args.Length || !int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            throw new ArgumentException($"{name} takes a whole number of at least 1.");
        }

        return value;
    }

    private sealed record RoundTrips(LatencyDistribution Latency, int Failures, string? FirstFailure);

    private sealed class FloodCounts
    {
        public long Token;
        public long TokenLimited;
        public long SignIn;
        public long SignInLimited;
        public long Errors;

        public long Total => Interlocked.Read(ref Token) + Interlocked.Read(ref SignIn) + Interlocked.Read(ref Errors);

        public void Add(bool isToken, bool limited)
        {
            Interlocked.Increment(ref isToken ? ref Token : ref SignIn);
            if (limited)
            {
                Interlocked.Increment(ref isToken ? ref TokenLimited : ref SignInLimited);
            }
        }
    }
}
