using System.Globalization;
using Microsoft.Extensions.Options;
using Omnichannel.Bots.Handoff.Desk;

namespace Omnichannel.Bots.Handoff.Workspace;

/// <summary>
/// Start-up validation of <c>Agents:Accounts</c>: every account has an id (unique, ignoring case) and a well-formed
/// password hash, and a role of agent or admin when it names one; each failure names the setting (<c>Agents:Accounts:N:PasswordHash</c>) and never quotes the hash.
/// </summary>
public sealed class AgentsOptionsValidator : IValidateOptions<AgentsOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Errors(options).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IEnumerable<string> Errors(AgentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Accounts.Count; i++)
        {
            var account = options.Accounts[i];
            var prefix = string.Create(CultureInfo.InvariantCulture, $"{AgentsOptions.SectionName}:Accounts:{i}");
            if (account is null)
            {
                yield return $"{prefix} is empty; an account needs an Id and a PasswordHash.";
                continue;
            }

            var id = account.Id?.Trim() ?? "";
            if (id.Length == 0)
            {
                yield return $"{prefix}:Id is missing; every account needs an Id (the sign-in name).";
            }
            else if (id.Length > 100 || id.Any(char.IsControl))
            {
                yield return $"{prefix}:Id must be at most 100 characters without control characters.";
            }
            else if (seen.TryGetValue(id, out var first))
            {
                yield return string.Create(
                    CultureInfo.InvariantCulture,
                    $"{prefix}:Id '{id}' is already the id of {AgentsOptions.SectionName}:Accounts:{first} (ids are compared ignoring case).");
            }
            else
            {
                seen[id] = i;
            }

            if (AgentPasswordHasher.Problem(account.PasswordHash) is { } problem)
            {
                yield return $"{prefix}:PasswordHash: {problem}.";
            }

            if (!AgentAccount.TryParseRole(account.Role, out _))
            {
                yield return $"{prefix}:Role '{account.Role}' is not a role; use agent (the default: the account's queues) or admin (every queue).";
            }

            if (account.Queues.Any(string.IsNullOrWhiteSpace))
            {
                yield return $"{prefix}:Queues has an empty entry; list queue names, or leave Queues out for all queues.";
            }
        }
    }
}
