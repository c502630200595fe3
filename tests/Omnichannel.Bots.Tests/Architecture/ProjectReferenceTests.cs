using Omnichannel.Bots.TestSupport;

namespace Omnichannel.Bots.Tests.Architecture;

/// <summary>The repository's own projects follow <see cref="ProjectReferenceRules"/>.</summary>
public sealed class ProjectReferenceTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>> Graph =
        new(() => ProjectGraph.Load(TestData.RepositoryRoot, "src", "adapters"));

    [Fact]
    public void Repository_ProjectReferences_FollowTheDirectionRules()
    {
        var violations = ReferenceRuleChecker.Check(Graph.Value, ProjectReferenceRules.All);

        Assert.True(violations.Count == 0, "Wrong-way project references:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void Repository_RuledProjects_AreAllPresent()
    {
        Assert.Empty(ReferenceRuleChecker.MissingSubjects(Graph.Value, ProjectReferenceRules.All));
        Assert.Contains(Graph.Value.Keys, p => p.StartsWith("Omnichannel.Bots.Adapters.", StringComparison.Ordinal));
        Assert.Contains(Graph.Value.Keys, p => p.StartsWith("Omnichannel.Bots.Storage.", StringComparison.Ordinal));
    }

    [Fact]
    public void Repository_AgentWorkspace_IsItsOwnPackageOnHostGlueAndHandoff()
    {
        var references = Graph.Value["Omnichannel.Bots.Handoff.Workspace"];

        Assert.Contains(ProjectReferenceRules.HostGlue, references);
        Assert.Contains("Omnichannel.Bots.Handoff", references);
    }
}
