using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// The <c>knowledge</c> readiness check: degraded while the first version loads (unhealthy when
/// that load failed), healthy from then on. A later
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
            // Still loading is "degraded" (not ready, logged as a warning by ASP.NET Core's health checks); a failed
            // first load is "unhealthy" (an error an operator must see).
            return Task.FromResult(status.ReloadError is null
                ? HealthCheckResult.Degraded("the knowledge base has not loaded its first version yet")
                : HealthCheckResult.Unhealthy($"the knowledge base's first load failed and is retried: {status.ReloadError}"));
        }

        var description = $"version {status.Version}, {status.Articles} articles";
        if (status.ReloadError is not null)
        {
            description += "; the last reload failed, so this last good version serves";
        }

        return Task.FromResult(HealthCheckResult.Healthy(description));
    }
}
