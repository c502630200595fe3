using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>Tiers from configuration (<c>Handoff:Tiers:{tier}</c> lists identity keys), matched against every identity linked to the customer; the first tier listed wins.</summary>
public sealed class ConfiguredCustomerTiers : ICustomerTierProvider
{
    private readonly IOptionsMonitor<HandoffOptions> _options;

    public ConfiguredCustomerTiers(IOptionsMonitor<HandoffOptions> options)
    {
        _options = options;
    }

    public ValueTask<string?> GetTierAsync(CustomerRecord customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        foreach (var (tier, identities) in _options.CurrentValue.Tiers)
        {
            if (identities.Any(key => customer.IdentityKeys.Contains(key.Trim(), StringComparer.OrdinalIgnoreCase)))
            {
                return ValueTask.FromResult<string?>(tier);
            }
        }

        return ValueTask.FromResult<string?>(null);
    }
}
