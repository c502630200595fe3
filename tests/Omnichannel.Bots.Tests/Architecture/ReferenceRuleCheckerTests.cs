namespace Omnichannel.Bots.Tests.Architecture;

/// <summary>The checker fails on wrong-way references, so the repository test above can fail.</summary>
public sealed class ReferenceRuleCheckerTests
{
    private const string Abstractions = ProjectReferenceRules.Abstractions;
    private const string Core = ProjectReferenceRules.Core;
    private const string HostGlue = ProjectReferenceRules.HostGlue;
    private const string Handoff = "Omnichannel.Bots.Handoff";
    private const string Workspace = "Omnichannel.Bots.Handoff.Workspace";
    private const string Knowledge = "Omnichannel.Bots.Knowledge";
    private const string Sqlite = "Omnichannel.Bots.Storage.Sqlite";
    private const string WebChat = "Omnichannel.Bots.Adapters.WebChat";

    [Fact]
    public void Check_IntendedShape_FindsNothing()
    {
        var graph = Shape();

        Assert.Empty(ReferenceRuleChecker.Check(graph, ProjectReferenceRules.All));
        Assert.Empty(ReferenceRuleChecker.MissingSubjects(graph, ProjectReferenceRules.All));
    }

    [Fact]
    public void Check_HostGlueReferencesHandoff_FailsNamingProjectReferenceAndPath()
    {
        var graph = Shape((HostGlue, [Core, Handoff]));

        var violations = ReferenceRuleChecker.Check(graph, ProjectReferenceRules.All);

        var violation = Assert.Single(violations, v => v.Project == HostGlue);
        Assert.Equal(Handoff, violation.Reference);
        Assert.Equal([HostGlue, Handoff], violation.Path);
        Assert.Equal("the host glue references only core and Abstractions", violation.Rule);
        Assert.Equal(
            "Omnichannel.Bots.AspNetCore must not reference Omnichannel.Bots.Handoff (the host glue references only core and Abstractions); "
            + "it arrives through Omnichannel.Bots.AspNetCore -> Omnichannel.Bots.Handoff",
            violation.ToString());
        // The adapter on the host glue now carries handoff too.
        var adapter = Assert.Single(violations, v => v.Project == WebChat);
        Assert.Equal([WebChat, HostGlue, Handoff], adapter.Path);
    }

    [Fact]
    public void Check_FeatureReachedThroughAnotherProject_FailsWithTheWholePath()
    {
        const string Helpers = "Omnichannel.Bots.Helpers";
        var graph = Shape((Sqlite, [Core, Helpers]), (Helpers, [Knowledge]));

        var violation = Assert.Single(ReferenceRuleChecker.Check(graph, ProjectReferenceRules.All));

        Assert.Equal(Sqlite, violation.Project);
        Assert.Equal(Knowledge, violation.Reference);
        Assert.Equal([Sqlite, Helpers, Knowledge], violation.Path);
    }

    [Fact]
    public void Check_AbstractionsReferencesCore_Fails()
    {
        var graph = Shape((Abstractions, [Core]));

        var violations = ReferenceRuleChecker.Check(graph, ProjectReferenceRules.All);

        var violation = Assert.Single(violations, v => v.Project == Abstractions);
        Assert.Equal(Core, violation.Reference);
        Assert.Equal("Abstractions references no project of ours", violation.Rule);
    }

    [Fact]
    public void Check_CoreReferencesHostGlue_FailsAlthoughNoFeatureIsInvolved()
    {
        var graph = Shape((Core, [Abstractions, HostGlue]));

        var violations = ReferenceRuleChecker.Check(graph, ProjectReferenceRules.All);

        Assert.Contains(violations, v => v.Project == Core && v.Reference == HostGlue && v.Rule == "core references only Abstractions");
    }

    [Fact]
    public void Check_ReferenceCycle_ReportsEachPairOnce()
    {
        var graph = Shape((Core, [Abstractions, Handoff]), (Handoff, [Core]));

        var violations = ReferenceRuleChecker.Check(graph, ProjectReferenceRules.All).Where(v => v.Project == Core).ToList();

        var violation = Assert.Single(violations);
        Assert.Equal([Core, Handoff], violation.Path);
    }

    [Fact]
    public void MissingSubjects_HostGlueRenamed_NamesIt()
    {
        var graph = Shape().Where(p => p.Key != HostGlue).ToDictionary();

        Assert.Equal([HostGlue], ReferenceRuleChecker.MissingSubjects(graph, ProjectReferenceRules.All));
    }

    /// <summary>The intended shape, with some projects' references replaced.</summary>
    private static Dictionary<string, IReadOnlyList<string>> Shape(params (string Project, string[] References)[] changes)
    {
        var graph = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [Abstractions] = [],
            [Core] = [Abstractions],
            [HostGlue] = [Core],
            [Sqlite] = [Core],
            [WebChat] = [HostGlue],
            [Knowledge] = [Core],
            [Handoff] = [Core],
            [Workspace] = [HostGlue, Handoff],
        };
        foreach (var (project, references) in changes)
        {
            graph[project] = references;
        }

        return graph;
    }
}
