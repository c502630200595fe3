namespace Omnichannel.Bots.Tests.Architecture;

/// <summary>
/// The direction of references between our packages, in one place (the README's package map describes it):
/// Abstractions at the bottom, the runtime (core) on it, the host glue on core, and the features (Knowledge*,
/// Handoff*, Journeys*) on top, never underneath core, the host glue, a storage provider or a channel adapter. A reference
/// through another project counts the same as a direct one.
/// </summary>
internal static class ProjectReferenceRules
{
    public const string Abstractions = "Omnichannel.Bots.Abstractions";

    public const string Core = "Omnichannel.Bots";

    public const string HostGlue = "Omnichannel.Bots.AspNetCore";

    public static IReadOnlyList<string> FeaturePackages { get; } = ["Omnichannel.Bots.Knowledge*", "Omnichannel.Bots.Handoff*", "Omnichannel.Bots.Journeys*"];

    public static IReadOnlyList<ProjectRule> All { get; } =
    [
        new("Abstractions references no project of ours", [Abstractions], Allowed: []),
        new("core references only Abstractions", [Core], Allowed: [Abstractions]),
        new("the host glue references only core and Abstractions", [HostGlue], Allowed: [Core, Abstractions]),
        new(
            "no feature package (Knowledge*, Handoff*, Journeys*) under core, the host glue, Abstractions, a storage provider or an adapter",
            [Abstractions, Core, HostGlue, "Omnichannel.Bots.Storage.*", "Omnichannel.Bots.Adapters.*"],
            Forbidden: FeaturePackages),
    ];
}
