using Microsoft.AspNetCore.Http;
using Omnichannel.Bots.Customers;
using Omnichannel.Bots.Handoff.Desk;

namespace Omnichannel.Bots.Handoff.Workspace;

/// <summary>
/// Who a customer is, for agents: <c>GET /api/agent/customers/{id}</c> (name, identity keys with provenance, channels
/// used, from <see cref="ICustomerDirectory"/>) and <c>DELETE /api/agent/customers/{id}/identities/{key}</c> (an agent's
/// unlink through <see cref="ICustomerLinks"/>, recorded with <c>agent:{id}</c>). An agent sees a customer who has a
/// ticket in a queue they work (an admin, or an agent without queues: every customer); any other is a 404, as if it did
/// not exist.
/// </summary>
internal sealed class AgentCustomerApi
{
    private const int MaxIdLength = 200;

    private readonly IServiceProvider _services;

    public AgentCustomerApi(IServiceProvider services)
    {
        _services = services;
    }

    /// <summary><c>{"id", "name", "createdAt", "identities": [{"key", "provenance", "vouchedBy", "linkedAt"}], "channels": [...]}</c>.</summary>
    public async Task<IResult> ProfileAsync(HttpContext http, AgentSession session)
    {
        if (Route(http, "id") is not { } id)
        {
            return BadRoute(http, "id", "a customer id");
        }

        var profile = await Service<ICustomerDirectory>().GetAsync(id, http.RequestAborted).ConfigureAwait(false);
        if (profile is null || !await SeesAsync(session.Agent, id, http.RequestAborted).ConfigureAwait(false))
        {
            return NotFound(id);
        }

        return AgentJson.Ok(new ProfileView(
            profile.Id,
            profile.Name,
            profile.CreatedAt,
            [.. profile.Identities.Select(i => new IdentityView(
                i.Key, i.Provenance is { } provenance ? IdentityProvenanceText.Of(provenance) : null, i.VouchedBy?.Value, i.LinkedAt))],
            [.. profile.Channels.Select(c => c.Value)]));
    }

    /// <summary>Unlinks the key; 404 when the customer or the key (theirs) is not found.</summary>
    public async Task<IResult> UnlinkAsync(HttpContext http, AgentSession session)
    {
        if (Route(http, "id") is not { } id)
        {
            return BadRoute(http, "id", "a customer id");
        }

        if (Route(http, "key") is not { } key || key.IndexOf(':', StringComparison.Ordinal) <= 0)
        {
            return BadRoute(http, "key", "an identity key such as phone:+15551234567 or telegram:12345 (URL-encoded)");
        }

        var cancellationToken = http.RequestAborted;
        if (await Service<ICustomerDirectory>().GetAsync(id, cancellationToken).ConfigureAwait(false) is null
            || !await SeesAsync(session.Agent, id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound(id);
        }

        var unlinked = await Service<ICustomerLinks>().UnlinkAsync(id, key, "agent:" + session.Agent.Id, cancellationToken).ConfigureAwait(false);
        return unlinked
            ? AgentJson.Ok(new { ok = true })
            : AgentJson.Error(StatusCodes.Status404NotFound, $"{key} is not an identity of customer {id}.");
    }

    private async Task<bool> SeesAsync(AgentIdentity agent, string customerId, CancellationToken cancellationToken)
    {
        if (agent.Scope is null)
        {
            return true;
        }

        var tickets = await Service<IHandoffTicketStore>().ListForCustomerSinceAsync(customerId, DateTimeOffset.MinValue, cancellationToken).ConfigureAwait(false);
        return tickets.Any(t => agent.MayActOn(t.Queue));
    }

    private T Service<T>()
        where T : class =>
        (T?)_services.GetService(typeof(T))
        ?? throw new InvalidOperationException($"The agent workspace's customer API needs {typeof(T).Name}; register a storage provider (AddSqliteStorage()) and AddHandoff().");

    private static string? Route(HttpContext http, string name) =>
        http.Request.RouteValues[name] is string value && !string.IsNullOrWhiteSpace(value) && value.Length <= MaxIdLength ? value : null;

    private static IResult BadRoute(HttpContext http, string name, string expected)
    {
        var value = http.Request.RouteValues[name] as string ?? string.Empty;
        var shown = value.Length > MaxIdLength ? value[..MaxIdLength] + "..." : value;
        return AgentJson.Error(StatusCodes.Status400BadRequest, $"'{shown}' is not {expected}.");
    }

    private static IResult NotFound(string id) => AgentJson.Error(StatusCodes.Status404NotFound, $"There is no customer {id}.");

    private sealed record ProfileView(string Id, string? Name, DateTimeOffset CreatedAt, IReadOnlyList<IdentityView> Identities, IReadOnlyList<string> Channels);

    private sealed record IdentityView(string Key, string? Provenance, string? VouchedBy, DateTimeOffset LinkedAt);
}
