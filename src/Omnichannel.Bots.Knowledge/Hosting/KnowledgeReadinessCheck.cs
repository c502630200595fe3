using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// The <c>knowledge</c> readiness check: unhealthy until the first version has loaded, healthy from then on. A later
/// reload that fails leaves it healthy (the last good version still answers; <c>/healthz</c> reports it as degraded).
/// </summary>
internal sealed class KnowledgeReadinessCheck(KnowledgeBase knowledge) : IHealthCheck
{
    public const string Name = "knowledge";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = knowledge.Status;
        if (status.Version == 0)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(status.ReloadError is null
                ? "the knowledge base has not loaded its first version yet"
                : $"the knowledge base's first load failed and is retried: {status.ReloadError}"));
        }

        var description = $"version {status.Version}, {status.Articles} articles";
        if (status.ReloadError is not null)
        {
            description += "; the last reload failed, so this last good version serves";
        }

        return Task.FromResult(HealthCheckResult.Healthy(description));
    }
}
