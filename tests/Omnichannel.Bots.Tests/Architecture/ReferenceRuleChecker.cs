namespace Omnichannel.Bots.Tests.Architecture;

/// <summary>
/// Checks a project graph (each project's name and the names of the projects it references) against
/// <see cref="ProjectRule"/>s, following references transitively.
/// </summary>
internal static class ReferenceRuleChecker
{
    /// <summary>Every (project, forbidden reference) pair, each once, with the shortest path it arrives through.</summary>
    public static IReadOnlyList<ReferenceViolation> Check(IReadOnlyDictionary<string, IReadOnlyList<string>> graph, IReadOnlyList<ProjectRule> rules)
    {
        var violations = new List<ReferenceViolation>();
        foreach (var project in graph.Keys.Order(StringComparer.Ordinal))
        {
            var applicable = rules.Where(r => r.AppliesTo(project)).ToList();
            if (applicable.Count == 0)
            {
                continue;
            }

            foreach (var (reference, path) in Reachable(graph, project))
            {
                if (applicable.FirstOrDefault(r => !r.Permits(reference)) is { } broken)
                {
                    violations.Add(new ReferenceViolation(project, reference, path, broken.Description));
                }
            }
        }

        return violations;
    }

    /// <summary>Subjects named exactly (no <c>*</c>) that are not in the graph: a renamed project must not make its rule vacuous.</summary>
    public static IReadOnlyList<string> MissingSubjects(IReadOnlyDictionary<string, IReadOnlyList<string>> graph, IReadOnlyList<ProjectRule> rules) =>
        rules.SelectMany(r => r.Subjects)
            .Where(s => !s.EndsWith('*') && !graph.ContainsKey(s))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Every project reachable from <paramref name="start"/>, in breadth-first order, with the shortest path to it.</summary>
    private static IEnumerable<(string Reference, IReadOnlyList<string> Path)> Reachable(IReadOnlyDictionary<string, IReadOnlyList<string>> graph, string start)
    {
        var cameFrom = new Dictionary<string, string>(StringComparer.Ordinal) { [start] = start };
        var pending = new Queue<string>([start]);
        while (pending.TryDequeue(out var current))
        {
            foreach (var next in graph.TryGetValue(current, out var references) ? references : [])
            {
                if (cameFrom.TryAdd(next, current))
                {
                    pending.Enqueue(next);
                    yield return (next, PathTo(cameFrom, start, next));
                }
            }
        }
    }

    private static List<string> PathTo(Dictionary<string, string> cameFrom, string start, string end)
    {
        var path = new List<string> { end };
        while (path[^1] != start)
        {
            path.Add(cameFrom[path[^1]]);
        }

        path.Reverse();
        return path;
    }
}
