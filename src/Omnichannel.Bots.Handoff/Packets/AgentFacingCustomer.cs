using Omnichannel.Bots.Customers;

namespace Omnichannel.Bots.Handoff;

/// <summary>
/// Who the customer is, as the queue and the packet show them to agents (from <see cref="ICustomerDirectory"/>): a name
/// or a verified identifier, never an internal or a conversation id such as <c>dl_002ea224…</c>; the identifiers linked
/// with a recorded verification; the channels they used.
/// </summary>
public static class AgentFacingCustomer
{
    /// <summary>
    /// The name a channel gave (<paramref name="profile"/>'s, else the latest in <paramref name="journeyName"/>), else a
    /// verified phone number, else a verified email, else "Customer on <paramref name="channel"/>".
    /// </summary>
    public static string DisplayName(CustomerProfile? profile, string? journeyName, ChannelId channel)
    {
        if (!string.IsNullOrWhiteSpace(profile?.Name))
        {
            return profile.Name;
        }

        if (!string.IsNullOrWhiteSpace(journeyName))
        {
            return journeyName;
        }

        return VerifiedIdentities(profile).FirstOrDefault(i => i.Kind is "phone" or "email")?.Value
            ?? "Customer on " + channel.DisplayName;
    }

    /// <summary>The identifiers linked with a recorded verification: phone numbers, then emails, then channel addresses; oldest link first within each.</summary>
    public static IReadOnlyList<PacketIdentity> VerifiedIdentities(CustomerProfile? profile) =>
    [
        .. (profile?.Identities ?? [])
            .Where(link => link.Provenance is not null && link.Key.Contains(':', StringComparison.Ordinal))
            .Select(link => new PacketIdentity
            {
                Key = link.Key,
                Kind = link.Key[..link.Key.IndexOf(':', StringComparison.Ordinal)],
                Value = link.Key[(link.Key.IndexOf(':', StringComparison.Ordinal) + 1)..],
                Provenance = IdentityProvenanceText.Of(link.Provenance!.Value),
                VouchedBy = link.VouchedBy?.Value,
                LinkedAt = link.LinkedAt,
            })
            .OrderBy(i => i.Kind switch { "phone" => 0, "email" => 1, _ => 2 })
            .ThenBy(i => i.LinkedAt),
    ];

    /// <summary>The verified phone numbers and emails alone (what the queue lists beside the name).</summary>
    public static IReadOnlyList<string> VerifiedContacts(CustomerProfile? profile) =>
        [.. VerifiedIdentities(profile).Where(i => i.Kind is "phone" or "email").Select(i => i.Value)];

    /// <summary>The channels the customer used, most recent first.</summary>
    public static IReadOnlyList<string> ChannelsUsed(CustomerProfile? profile) => [.. (profile?.Channels ?? []).Select(c => c.Value)];
}
