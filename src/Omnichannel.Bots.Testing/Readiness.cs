using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Omnichannel.Bots.Testing;

/// <summary>
/// Waits until a started host can answer (every <see cref="BotReadiness"/> check passes: the knowledge base has loaded,
/// the storage is open), so a test's first message is not raced against the host's start-up. Fails after
/// <see cref="Eventually.StartUpLimit"/>, naming the checks that were still failing.
/// </summary>
public static class Readiness
{
    /// <summary>Polls <c>GET /healthz/ready</c> on a host serving HTTP until it answers 200.</summary>
    /// <param name="http">A client whose <see cref="HttpClient.BaseAddress"/> is the host's.</param>
    public static async Task WaitAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var last = "no answer yet";
        await Eventually.UntilAsync(
            async () =>
            {
                using var response = await http.GetAsync(new Uri(BotReadiness.Path, UriKind.Relative)).ConfigureAwait(false);
                last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}";
                return response.StatusCode == HttpStatusCode.OK;
            },
            $"GET {BotReadiness.Path} on {http.BaseAddress} to answer 200",
            Eventually.StartUpLimit,
            () => last).ConfigureAwait(false);
    }

    /// <summary>
    /// Like <see cref="WaitAsync(HttpClient)"/> for a host just started; when it never gets ready, disposes
    /// <paramref name="host"/> (what owns the started host) before the failure propagates.
    /// </summary>
    public static async Task WaitOrDisposeAsync(HttpClient http, IAsyncDisposable host)
    {
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            await WaitAsync(http).ConfigureAwait(false);
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs the readiness checks of an in-process host (one without HTTP) until they all pass.</summary>
    public static async Task WaitAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var health = services.GetRequiredService<HealthCheckService>();
        HealthReport? last = null;
        await Eventually.UntilAsync(
            async () =>
            {
                last = await health.CheckHealthAsync(r => r.Tags.Contains(BotReadiness.Tag)).ConfigureAwait(false);
                return last.Status == HealthStatus.Healthy;
            },
            "the host's readiness checks to pass",
            Eventually.StartUpLimit,
            () => last is null ? "no report yet" : string.Join(Environment.NewLine, last.Entries.Select(e => $"{e.Key}: {e.Value.Status} ({e.Value.Description})"))).ConfigureAwait(false);
    }
}
