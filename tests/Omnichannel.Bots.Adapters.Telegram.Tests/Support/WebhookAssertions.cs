using System.Globalization;
using System.Net;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Adapters.Telegram.Tests;

public static class WebhookAssertions
{
    /// <summary>
    /// Posts a text from the default chat (update <paramref name="markerUpdateId"/>) and waits for its turn: turns of one
    /// chat run in the order the inbox stored them, so had update <paramref name="updateId"/> been stored, its turn
    /// would have started by then.
    /// </summary>
    public static async Task AssertNeverStoredAsync(TelegramTestHost host, string updateId, int markerUpdateId)
    {
        ArgumentNullException.ThrowIfNull(host);
        var marker = markerUpdateId.ToString(CultureInfo.InvariantCulture);
        using var response = await host.PostUpdateAsync(Updates.Text(markerUpdateId, "marker"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.UntilAsync(() => host.Turns.StartedMessages.Any(m => m.Id == marker), $"the marker turn {marker} to start");
        Assert.DoesNotContain(host.Turns.StartedMessages, m => m.Id == updateId);
    }
}
