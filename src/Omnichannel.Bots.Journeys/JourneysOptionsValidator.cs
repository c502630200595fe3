using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Journeys;

/// <summary>Checks <see cref="JourneysOptions"/> on start; each failure names its key.</summary>
internal sealed class JourneysOptionsValidator : IValidateOptions<JourneysOptions>
{
    public ValidateOptionsResult Validate(string? name, JourneysOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Problems(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static IEnumerable<string> Problems(JourneysOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IdleTimeout <= TimeSpan.Zero)
        {
            yield return $"{JourneysOptions.SectionName}:IdleTimeout must be a positive time (e.g. 24:00:00), not {options.IdleTimeout}.";
        }

        if (options.RepeatContactWindow < TimeSpan.Zero)
        {
            yield return $"{JourneysOptions.SectionName}:RepeatContactWindow must not be negative (e.g. 7.00:00:00), not {options.RepeatContactWindow}.";
        }

        if (options.Costs.AgentMinute < 0)
        {
            yield return $"{JourneysOptions.SectionName}:Costs:AgentMinute must not be negative, not {options.Costs.AgentMinute}.";
        }

        foreach (var (channel, cost) in options.Costs.Messages)
        {
            if (!ChannelId.IsValid(channel))
            {
                yield return $"{JourneysOptions.SectionName}:Costs:Messages:{channel} names no valid channel id (lower-case letters, digits, '-' and '_').";
            }
            else if (cost < 0)
            {
                yield return $"{JourneysOptions.SectionName}:Costs:Messages:{channel} must not be negative, not {cost}.";
            }
        }
    }
}
