using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Handoff.Workspace;

/// <summary>Start-up validation of <c>Agents:SignIn</c>; each failure names its key.</summary>
internal sealed class AgentSignInOptionsValidator : IValidateOptions<AgentSignInOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentSignInOptions options)
    {
        var errors = Errors(options).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static IEnumerable<string> Errors(AgentSignInOptions o)
    {
        const string P = AgentSignInOptions.SectionName + ":";
        if (o.FreeFailures is < 1 or > 100)
        {
            yield return P + "FreeFailures must be from 1 to 100.";
        }

        if (o.SharedFreeFailures is < 1 or > 100_000)
        {
            yield return P + "SharedFreeFailures must be from 1 to 100000.";
        }

        if (o.FirstDelay < TimeSpan.FromMilliseconds(100) || o.FirstDelay > TimeSpan.FromMinutes(1))
        {
            yield return P + "FirstDelay must be from 00:00:00.1 to 00:01:00.";
        }

        if (o.MaxDelay < o.FirstDelay || o.MaxDelay > TimeSpan.FromDays(1))
        {
            yield return P + "MaxDelay must be at least FirstDelay and at most 1.00:00:00.";
        }

        if (o.SharedMaxDelay < o.FirstDelay || o.SharedMaxDelay > TimeSpan.FromMinutes(1))
        {
            // A longer shared wait would let an attacker lock a real agent out of their own account.
            yield return P + "SharedMaxDelay must be at least FirstDelay and at most 00:01:00.";
        }

        if (o.ForgetAfter < o.MaxDelay || o.ForgetAfter > TimeSpan.FromDays(7))
        {
            yield return P + "ForgetAfter must be at least MaxDelay and at most 7.00:00:00.";
        }

        if (o.MaxEntries is < 1_000 or > 10_000_000)
        {
            yield return P + "MaxEntries must be from 1000 to 10000000.";
        }
    }
}
