namespace Omnichannel.Bots.AspNetCore.AgentWorkspace;

internal enum SignInOutcome
{
    SignedIn,
    Refused,
    Throttled,
}
