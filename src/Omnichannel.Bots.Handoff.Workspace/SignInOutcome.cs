namespace Omnichannel.Bots.Handoff.Workspace;

internal enum SignInOutcome
{
    SignedIn,
    Refused,
    Throttled,
}
