namespace Omnichannel.Bots;

/// <summary>
/// Liveness and status details (<c>GET /healthz</c>, always 200): one health check tagged <see cref="Tag"/> gathers
/// the registered channels and every <see cref="IBotHealthContributor"/>'s report. Readiness is
/// <see cref="BotReadiness"/>; both go through ASP.NET Core's health checks.
/// </summary>
public static class BotLiveness
{
    /// <summary>The tag of the health check behind <see cref="Path"/>.</summary>
    public const string Tag = "live";

    /// <summary>The name of the health check that gathers the components' reports.</summary>
    public const string Name = "bot";

    /// <summary>The liveness endpoint.</summary>
    public const string Path = "/healthz";

    /// <summary>The key of the registered channels' names in the check's data.</summary>
    public const string ChannelsKey = "channels";
}
