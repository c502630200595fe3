using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>
/// A web chat visitor over Direct Line 3.0 on a test host that also runs web chat (<c>AddWebChatChannel()</c> with
/// <c>Channels:WebChat:Secret</c>): starts a conversation with the secret, sends messages and reads the bot's replies
/// by polling the activities. For adapter tests whose journey starts on web chat (a link code asked for there).
/// </summary>
public sealed class DirectLineVisitor
{
    private readonly HttpClient _http;
    private readonly string _conversationId;
    private readonly string _token;
    private string? _watermark;

    private DirectLineVisitor(HttpClient http, string conversationId, string token)
    {
        _http = http;
        _conversationId = conversationId;
        _token = token;
    }

    /// <summary>Starts a conversation with the Direct Line secret.</summary>
    public static async Task<DirectLineVisitor> StartAsync(HttpClient http, string secret)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new DirectLineVisitor(http, body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!);
    }

    /// <summary>Sends <paramref name="text"/> and returns the bot's next reply's text.</summary>
    public async Task<string> AskAsync(string text)
    {
        using (var request = Request(HttpMethod.Post, $"/v3/directline/conversations/{_conversationId}/activities"))
        {
            request.Content = JsonContent.Create(new { type = "message", from = new { id = "visitor" }, text });
            using var response = await _http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

        string? reply = null;
        await Eventually.UntilAsync(
            async () =>
            {
                using var request = Request(HttpMethod.Get, $"/v3/directline/conversations/{_conversationId}/activities" + (_watermark is null ? string.Empty : "?watermark=" + _watermark));
                using var response = await _http.SendAsync(request);
                response.EnsureSuccessStatusCode();
                var page = await response.Content.ReadFromJsonAsync<JsonElement>();
                _watermark = page.GetProperty("watermark").GetString() ?? _watermark;
                reply ??= page.GetProperty("activities").EnumerateArray()
                    .Where(a => a.GetProperty("type").GetString() == "message" && a.GetProperty("from").GetProperty("role").GetString() == "bot")
                    .Select(a => a.GetProperty("text").GetString())
                    .FirstOrDefault();
                return reply is not null;
            },
            $"the bot's reply to \"{text}\" on web chat");
        return reply!;
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return request;
    }
}
