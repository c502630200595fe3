namespace Omnichannel.Bots.Adapters.Conformance;

/// <summary>
/// What an adapter declares about itself, from which the suite generates only the cases that apply to it: the
/// credential cases when <see cref="Authentication"/> is not <see cref="RequestAuthentication.None"/>, the button or
/// numbered-option case from <see cref="Profile"/>'s <see cref="ChannelCapabilities.MaxButtons"/>, and the provider
/// error cases when the driver is an <see cref="IProviderDriver"/> (its sends go through a provider that can refuse them;
/// the Retry-After ones only when <see cref="ProviderSendsRetryAfter"/>).
/// </summary>
public sealed record AdapterTraits
{
    /// <summary>The channel profile the adapter serves (its limits are what every outbound message is checked against).</summary>
    public required ChannelProfile Profile { get; init; }

    public required RequestAuthentication Authentication { get; init; }

    /// <summary>The largest request body the inbound endpoint accepts, in bytes; one byte more must get 413.</summary>
    public required int MaxBodyBytes { get; init; }

    /// <summary>
    /// False when the provider never asks for a wait with its refusals (Meta's Graph API: the pause comes from the
    /// error code, <c>130429</c> a second, app limits a minute, and the adapter's own tests cover it): the two
    /// Retry-After cases are then not generated; the server-error and client-error cases still are.
    /// </summary>
    public bool ProviderSendsRetryAfter { get; init; } = true;
}
