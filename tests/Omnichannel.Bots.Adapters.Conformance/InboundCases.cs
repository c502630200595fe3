using System.Net;
using System.Text;
using Omnichannel.Bots.Testing;

namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>The inbound cases: credentials, duplicates, malformed and oversized bodies.</summary>
internal static class InboundCases
{
    public static async Task RefusedCredentialAsync(ConformanceRun run, Credential credential)
    {
        const string customer = "customer-refused";
        var delivery = new InboundDelivery(customer) { Text = "hello without a valid credential", Credential = credential };
        var status = await run.Driver.DeliverAsync(delivery);
        await run.AssertRefusedAndNothingStoredAsync(
            HttpStatusCode.Unauthorized, status, $"A delivery with a {credential.ToString().ToLowerInvariant()} {run.Traits.Authentication.ToString().ToLowerInvariant()}", customer);
    }

    public static async Task DuplicateAsync(ConformanceRun run)
    {
        const string customer = "customer-duplicate";
        const string text = "hello only once";
        await run.SayAsync(customer, text, providerMessageId: "conformance-duplicate-1");
        await run.SayAsync(customer, text, providerMessageId: "conformance-duplicate-1");
        await run.WaitForTextAsync(customer, ConformanceScript.Echo(text));
        await BotIdle.WaitAsync(run.Driver.Services);

        Assert.True(run.CountStored() == 1, $"One provider message delivered twice was stored {run.CountStored()} times.");
        var received = await run.Driver.ReadOutboundAsync(customer);
        Assert.True(received.Count == 1, $"One provider message delivered twice was answered {received.Count} times.");
    }

    public static async Task MalformedAsync(ConformanceRun run)
    {
        var status = await run.Driver.PostRawAsync(Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"cut sh"));
        await run.AssertRefusedAndNothingStoredAsync(HttpStatusCode.BadRequest, status, "A body cut off in the middle");
    }

    public static async Task OversizedAsync(ConformanceRun run)
    {
        // Well-formed JSON one byte over the limit: only its size is wrong.
        const string head = "{\"type\":\"message\",\"text\":\"";
        const string tail = "\"}";
        var size = run.Traits.MaxBodyBytes + 1;
        var body = Encoding.UTF8.GetBytes(head + new string('a', size - head.Length - tail.Length) + tail);
        var status = await run.Driver.PostRawAsync(body);
        await run.AssertRefusedAndNothingStoredAsync(HttpStatusCode.RequestEntityTooLarge, status, $"A body of {body.Length} bytes (limit {run.Traits.MaxBodyBytes})");
    }
}
