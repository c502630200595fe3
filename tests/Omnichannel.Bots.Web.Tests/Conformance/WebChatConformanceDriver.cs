using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Omnichannel.Bots.Adapters.Conformance;
using Omnichannel.Bots.Adapters.WebChat;

namespace Omnichannel.Bots.Web.Tests;

/// <summary>
/// Drives web chat for the conformance suite over Direct Line 3.0 on a real host (<see cref="WebChatHost"/> with the
/// suite's dialog): each customer is a conversation started with the secret, messages are posted with its token,
/// and what the customer received is read back from the conversation's activities as a client reads them. Web chat's
/// replies are written in the turn commit, not sent to a provider, so this is not an <see cref="IProviderDriver"/>.
/// </summary>
public sealed class WebChatConformanceDriver : IAdapterDriver
{
    private const string RawBodyCustomer = "customer-raw-body";

    private readonly WebChatHost _host;
    private readonly ConcurrentDictionary<string, Lazy<Task<StartedConversation>>> _conversations = new(StringComparer.Ordinal);

    private WebChatConformanceDriver(WebChatHost host)
    {
        _host = host;
    }

    /// <summary>Direct Line: a bearer secret or conversation token on every request (401 without a valid one), bodies up to <see cref="UserActivity.MaxBodyBytes"/>.</summary>
    public static AdapterTraits Traits { get; } = new()
    {
        Profile = ChannelProfiles.WebChat,
        Authentication = RequestAuthentication.Token,
        MaxBodyBytes = UserActivity.MaxBodyBytes,
    };

    public IServiceProvider Services => _host.Services;

    public static async Task<WebChatConformanceDriver> StartAsync(ConformanceSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new WebChatConformanceDriver(await WebChatHost.StartAsync(setup.AddTo, setup.Clock));
    }

    public async Task<HttpStatusCode> DeliverAsync(InboundDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var conversation = await ConversationAsync(delivery.Customer);

        // A pressed button is an imBack: Web Chat posts its value as the customer's text.
        var activity = new Dictionary<string, object?>
        {
            ["type"] = "message",
            ["from"] = new { id = delivery.Customer },
            ["text"] = delivery.Press?.Payload ?? delivery.Text,
            ["channelData"] = new { clientActivityID = delivery.ProviderMessageId ?? Guid.NewGuid().ToString("N") },
        };
        var bearer = delivery.Credential switch
        {
            Credential.Valid => conversation.Token,
            Credential.Wrong => Forged(conversation.Token),
            _ => null,
        };
        using var response = await _host.Http.SendAsync(_host.Request(HttpMethod.Post, ActivitiesPath(conversation), bearer, activity));
        return response.StatusCode;
    }

    public async Task<HttpStatusCode> PostRawAsync(ReadOnlyMemory<byte> body)
    {
        var conversation = await ConversationAsync(RawBodyCustomer);
        using var request = _host.Request(HttpMethod.Post, ActivitiesPath(conversation), conversation.Token);
        request.Content = new ReadOnlyMemoryContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _host.Http.SendAsync(request);
        return response.StatusCode;
    }

    public async Task<IReadOnlyList<OutboundMessage>> ReadOutboundAsync(string customer)
    {
        if (!_conversations.TryGetValue(customer, out var started))
        {
            return [];
        }

        var page = await _host.GetActivitiesAsync(await started.Value);
        return [.. page.Activities.Where(a => a.IsFromBot()).Select(ToOutbound)];
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<StartedConversation> ConversationAsync(string customer) =>
        _conversations.GetOrAdd(customer, _ => new Lazy<Task<StartedConversation>>(_host.StartConversationAsync)).Value;

    /// <summary>The conversation's own token with its signature's last character changed.</summary>
    private static string Forged(string token) => token[..^1] + (token[^1] == 'A' ? 'B' : 'A');

    private static string ActivitiesPath(StartedConversation conversation) => $"/v3/directline/conversations/{conversation.Id}/activities";

    private static OutboundMessage ToOutbound(JsonElement activity)
    {
        var text = activity.Text() ?? string.Empty;
        List<OutboundButton> buttons = [];
        if (activity.TryGetProperty("suggestedActions", out var suggested) && suggested.TryGetProperty("actions", out var actions))
        {
            buttons.AddRange(actions.EnumerateArray().Select(a => new OutboundButton(a.GetProperty("title").GetString()!, a.GetProperty("value").GetString()!)));
        }

        // Direct Line and Web Chat count a message's text in UTF-16 code units.
        return new OutboundMessage(text, buttons, text.Length);
    }
}
