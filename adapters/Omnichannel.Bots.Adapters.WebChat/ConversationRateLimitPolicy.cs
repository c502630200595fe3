using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Omnichannel.Bots.AspNetCore;

namespace Omnichannel.Bots.Adapters.WebChat;

/// <summary>
/// A request rate per web chat conversation (the route's <c>conversationId</c>), counted only for callers allowed to
/// act on it (its token, or the secret): a stranger's requests, refused anyway, cannot use up a customer's allowance.
/// </summary>
internal sealed class ConversationRateLimitPolicy : IRateLimiterPolicy<string>
{
    public const string Activities = "omnibot-webchat-activities-per-conversation";
    public const string Uploads = "omnibot-webchat-uploads-per-conversation";

    private readonly DirectLineAuthorizer _authorizer;
    private readonly RateLimit _limit;

    public ConversationRateLimitPolicy(DirectLineAuthorizer authorizer, RateLimit limit)
    {
        _authorizer = authorizer;
        _limit = limit;
    }

    /// <summary>Null: the host's rejection (429 with Retry-After) applies.</summary>
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var conversationId = httpContext.GetRouteValue("conversationId") as string;
        var (caller, error) = _authorizer.Authenticate(httpContext.Request);
        if (conversationId is null || error is not null || (caller.Token is { } token && token.ConversationId != conversationId))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        return BotRateLimits.SlidingWindow(conversationId, _limit);
    }
}
