namespace Omnichannel.Bots.Tests.Architecture;

/// <summary>
/// One rule on which of our projects a project may reach through its project references, directly or through others.
/// A pattern is a project name, or a prefix ending in <c>*</c> (<c>Omnichannel.Bots.Adapters.*</c>).
/// </summary>
/// <param name="Description">The rule in words, quoted in every violation.</param>
/// <param name="Subjects">The projects the rule applies to.</param>
/// <param name="Allowed">When set, the only projects a subject may reach (empty: none at all).</param>
/// <param name="Forbidden">Projects a subject may never reach.</param>
internal sealed record ProjectRule(
    string Description,
    IReadOnlyList<string> Subjects,
    IReadOnlyList<string>? Allowed = null,
    IReadOnlyList<string>? Forbidden = null)
{
    public bool AppliesTo(string project) => Subjects.Any(p => Matches(p, project));

    public bool Permits(string reference) =>
        (Allowed is null || Allowed.Any(p => Matches(p, reference)))
        && (Forbidden is null || !Forbidden.Any(p => Matches(p, reference)));

    public static bool Matches(string pattern, string project) =>
        pattern.EndsWith('*')
            ? project.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(pattern, project, StringComparison.Ordinal);
}
