namespace Omnichannel.Bots.Tests.Architecture;

public sealed class ProjectGraphTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("omnibot-graph-").FullName;

    [Fact]
    public void Load_ProjectReferences_ResolvesNamesAndFollowsProjectsOutsideTheFolders()
    {
        Write("src/A/A.csproj", @"..\B\B.csproj", "../../tools/C/C.csproj");
        Write("src/B/B.csproj");
        Write("tools/C/C.csproj", @"..\..\src\B\B.csproj");
        Write("src/A/bin/Debug/Stale.csproj", @"..\..\..\B\B.csproj");

        var graph = ProjectGraph.Load(_root, "src", "adapters");

        Assert.Equal(["A", "B", "C"], graph.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["B", "C"], graph["A"]);
        Assert.Empty(graph["B"]);
        Assert.Equal(["B"], graph["C"]);
    }

    [Fact]
    public void Load_ReferenceToAProjectThatIsNotThere_KeepsItsName()
    {
        Write("adapters/A/A.csproj", @"..\Gone\Gone.csproj");

        var graph = ProjectGraph.Load(_root, "src", "adapters");

        Assert.Equal(["Gone"], graph["A"]);
        Assert.False(graph.ContainsKey("Gone"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relativePath, params string[] references)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var items = string.Concat(references.Select(r => $"<ProjectReference Include=\"{r}\" />"));
        File.WriteAllText(path, $"<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"Ignored\" />{items}</ItemGroup></Project>");
    }
}
