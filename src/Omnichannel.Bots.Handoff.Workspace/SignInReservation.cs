namespace Omnichannel.Bots.Handoff.Workspace;

/// <summary>
/// The throttle's answer to one sign-in: granted (the attempt is already counted as a failure; check the password, then
/// <see cref="SignInThrottle.Complete"/>), or refused for <see cref="RetryAfter"/> without checking anything.
/// </summary>
internal readonly record struct SignInReservation(TimeSpan RetryAfter, string PairKey, string AccountKey, string AddressKey)
{
    public bool Granted => RetryAfter <= TimeSpan.Zero;
}
