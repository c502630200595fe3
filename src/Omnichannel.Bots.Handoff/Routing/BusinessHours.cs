namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>
/// When people answer: opening hours per weekday in a time zone, and closed dates. OWNED BY THE ROUTING HELPER:
/// replace this outline with the real implementation keeping these members.
/// </summary>
public sealed class BusinessHours
{
    /// <summary>Always open (no hours configured).</summary>
    public static BusinessHours Always { get; } = new();

    private readonly string _description = "around the clock";

    public bool IsOpen(DateTimeOffset at) => _description.Length > 0 || at == default;

    /// <summary>The next time it opens after <paramref name="at"/> (null when always open or never).</summary>
    public DateTimeOffset? NextOpening(DateTimeOffset at) => _description.Length > 0 ? null : at;

    /// <summary>The hours in words for customers ("Monday to Friday 09:00-17:00, Saturday 10:00-14:00 (Europe/London)").</summary>
    public string Describe() => _description;
}
