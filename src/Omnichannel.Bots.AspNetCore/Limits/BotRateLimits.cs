using System.Globalization;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.AspNetCore;

/// <summary>
/// The host's request rate limits (<see cref="LimitsOptions"/>) on ASP.NET Core's rate limiter: named policies that
/// endpoints require with <c>RequireRateLimiting</c>, a rejection that answers 429 with <c>Retry-After</c>, and the
/// client address taken from the connection, or from <c>X-Forwarded-For</c> when the sender is one of
/// <c>Limits:TrustedProxies</c> (ASP.NET's forwarded-headers middleware with only those proxies known).
/// </summary>
public static class BotRateLimits
{
    /// <summary>Widget tokens, token generation and conversation starts, per client address.</summary>
    public const string ConversationStartsPerAddress = "omnibot-conversation-starts-per-address";

    /// <summary>Agent sign-ins, per client address.</summary>
    public const string SignInsPerAddress = "omnibot-sign-ins-per-address";

    /// <summary>
    /// Registers the limiter and the per-address policies (once, however often called); channels add their own
    /// policies with <c>services.AddRateLimiter(...)</c>. <c>MapBotEndpoints()</c> adds the middleware.
    /// </summary>
    public static IServiceCollection AddBotRateLimits(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(Marker)))
        {
            return services;
        }

        services.AddSingleton<Marker>();
        services.AddLimitsOptions();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<LimitsOptions>>((options, limits) =>
        {
            options.OnRejected = RejectAsync;
            options.AddPolicy(ConversationStartsPerAddress, http => PerAddress(http, limits.Value.ConversationStartsPerAddress));
            options.AddPolicy(SignInsPerAddress, http => PerAddress(http, limits.Value.SignInsPerAddress));
        });
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<LimitsOptions>>((options, limits) =>
        {
            // Only the configured proxies: the defaults trust loopback, which would let anyone on this machine pick an address.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var network in limits.Value.TrustedNetworks())
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    /// <summary>
    /// Adds the forwarded-headers middleware (when <c>Limits:TrustedProxies</c> names any) and the rate limiter, if
    /// <see cref="AddBotRateLimits"/> was called. Call it after routing (a <c>WebApplication</c> routes first by itself).
    /// </summary>
    public static IApplicationBuilder UseBotRateLimits(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ApplicationServices.GetService<Marker>() is null)
        {
            return app;
        }

        if (app.ApplicationServices.GetRequiredService<IOptions<LimitsOptions>>().Value.TrustedProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        return app.UseRateLimiter();
    }

    /// <summary>
    /// The client's address as a partition key: IPv4 as is, IPv6 by its /64 (one customer's network, whose other
    /// addresses cost nothing to use).
    /// </summary>
    public static string ClientKey(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var address = http.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6 ? new System.Net.IPNetwork(address, 64).BaseAddress + "/64" : address.ToString();
    }

    /// <summary>A sliding window of <paramref name="limit"/> for the partition <paramref name="key"/>.</summary>
    public static RateLimitPartition<string> SlidingWindow(string key, RateLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        return RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            SegmentsPerWindow = 6,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static RateLimitPartition<string> PerAddress(HttpContext http, RateLimit limit) => SlidingWindow(ClientKey(http), limit);

    /// <summary>429 with <c>Retry-After</c> (whole seconds) and a Direct Line-style error body.</summary>
    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var message = string.Create(CultureInfo.InvariantCulture, $"Too many requests; try again in {seconds} s.");
        var path = context.HttpContext.Request.Path;
        if (path.StartsWithSegments("/api/agent", StringComparison.OrdinalIgnoreCase))
        {
            // The agent workspace's error shape, which its sign-in page shows.
            await response.WriteAsJsonAsync(new { error = message }, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (path.StartsWithSegments("/v3/directline", StringComparison.OrdinalIgnoreCase))
        {
            // As every Direct Line response does, so a page's client can read the status.
            response.Headers.AccessControlAllowOrigin = "*";
        }

        await response.WriteAsJsonAsync(new { error = new { code = "TooManyRequests", message } }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Says <see cref="AddBotRateLimits"/> ran.</summary>
    private sealed class Marker;
}
