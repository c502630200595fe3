namespace Omnichannel.Bots.Handoff.Routing;

/// <summary>Reads and validates a routing rules file (the format is described in <c>Routing/README.md</c>).</summary>
public static class RoutingRulesLoader
{
    /// <summary>Largest rules file read (a rules file is a few kilobytes; anything bigger is a mistake).</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>Reads <paramref name="path"/>; diagnostics and <see cref="RoutingDecision.RuleSource"/> name it as given.</summary>
    public static RoutingRulesLoadResult Load(string path) => Load(path, path);

    /// <summary>Reads <paramref name="path"/>; diagnostics and <see cref="RoutingDecision.RuleSource"/> name it <paramref name="sourceName"/>.</summary>
    public static RoutingRulesLoadResult Load(string path, string sourceName)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Failed(sourceName, Directory.Exists(path)
                    ? $"'{path}' is a folder, not a rules file"
                    : $"the rules file does not exist (looked for {Path.GetFullPath(path)})");
            }

            if (info.Length > MaxFileBytes)
            {
                return Failed(sourceName, $"the rules file is {info.Length} bytes; at most {MaxFileBytes} are read");
            }

            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(sourceName, $"the rules file cannot be read: {ex.Message}");
        }

        return Parse(text, sourceName);
    }

    /// <summary>Validates rules text; <paramref name="sourceName"/> names the file in diagnostics and rule sources.</summary>
    public static RoutingRulesLoadResult Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        var bag = new RoutingDiagnosticBag(sourceName);
        var rules = RoutingRulesParser.Parse(text, bag);
        return bag.HasErrors || rules is null ? new RoutingRulesLoadResult(null, bag.Items) : new RoutingRulesLoadResult(rules, []);
    }

    private static RoutingRulesLoadResult Failed(string sourceName, string message) =>
        new(null, [new RoutingDiagnostic(sourceName, 0, message)]);
}
