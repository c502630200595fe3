using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Omnichannel.Bots;

/// <summary>
/// The check behind <c>GET /healthz</c>: the registered channels and each <see cref="IBotHealthContributor"/>'s details
/// as its data; degraded when a component still serves but reports a problem (the bot stays alive).
/// </summary>
internal sealed class BotLivenessCheck(ChannelRegistry channels, IEnumerable<IBotHealthContributor> contributors) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var reports = contributors.Select(c => (c.Name, Report: c.Report())).ToList();
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [BotLiveness.ChannelsKey] = channels.Adapters.Select(a => a.Channel.Value).Order(StringComparer.Ordinal).ToArray(),
        };
        foreach (var (name, report) in reports)
        {
            data[name] = report.Details;
        }

        var degraded = reports.Where(r => r.Report.Degraded).Select(r => r.Name).ToList();
        return Task.FromResult(degraded.Count == 0
            ? HealthCheckResult.Healthy(data: data)
            : HealthCheckResult.Degraded($"Reports a problem: {string.Join(", ", degraded)}.", data: data));
    }
}
