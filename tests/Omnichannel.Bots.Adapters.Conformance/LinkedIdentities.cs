using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>What an adapter's messages linked: a customer's identity keys as <c>key provenance channel</c>, for the linking-rule tables.</summary>
public static class LinkedIdentities
{
    /// <summary>The keys of <paramref name="customerId"/> (<c>phone:+15551234567 provider-phone sms</c>), in key order.</summary>
    public static async Task<IReadOnlyList<string>> OfAsync(IServiceProvider services, string customerId)
    {
        ArgumentNullException.ThrowIfNull(services);
        var profile = await services.GetRequiredService<ICustomerDirectory>().GetAsync(customerId, CancellationToken.None)
            ?? throw new InvalidOperationException($"There is no customer {customerId}.");
        return [.. profile.Identities
            .Select(i => $"{i.Key} {(i.Provenance is { } provenance ? IdentityProvenanceText.Of(provenance) : "unknown")} {i.VouchedBy}")
            .Order(StringComparer.Ordinal)];
    }
}
