namespace Omnichannel.Bots;

/// <summary>
/// Readiness: whether the bot can answer yet (as opposed to <c>/healthz</c>, which says it is alive). A feature that
/// must finish loading before the bot can answer registers a health check with <see cref="Tag"/> where it is added,
/// for example <c>services.AddHealthChecks().AddCheck&lt;T&gt;("knowledge", tags: [BotReadiness.Tag])</c>; the host
/// answers <see cref="Path"/> with 503 until every such check is healthy. Report "still loading" as
/// <c>Degraded</c> (a warning in ASP.NET Core's health-check log) and a failure as <c>Unhealthy</c> (an error).
/// </summary>
public static class BotReadiness
{
    /// <summary>The tag of the health checks that make up readiness.</summary>
    public const string Tag = "ready";

    /// <summary>The readiness endpoint: 200 when every readiness check is healthy, else 503.</summary>
    public const string Path = "/healthz/ready";
}
