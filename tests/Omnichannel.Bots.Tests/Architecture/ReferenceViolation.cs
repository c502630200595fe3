namespace Omnichannel.Bots.Tests.Architecture;

/// <summary>A project that reaches a project a rule forbids it, with the shortest chain of references it arrives through.</summary>
internal sealed record ReferenceViolation(string Project, string Reference, IReadOnlyList<string> Path, string Rule)
{
    public override string ToString() =>
        $"{Project} must not reference {Reference} ({Rule}); it arrives through {string.Join(" -> ", Path)}";
}
