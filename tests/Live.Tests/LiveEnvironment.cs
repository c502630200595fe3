namespace Live.Tests;

/// <summary>Reads the environment variables a live test needs; a missing one fails the test, naming all that are missing.</summary>
internal static class LiveEnvironment
{
    public static string[] Require(params string[] names)
    {
        var values = names.Select(Environment.GetEnvironmentVariable).ToArray();
        var missing = names.Where((_, i) => string.IsNullOrWhiteSpace(values[i])).ToList();
        if (missing.Count > 0)
        {
            Assert.Fail($"Live test needs {string.Join(", ", missing)} (see tests/Live.Tests/README.md); they are not set.");
        }

        return values!;
    }
}
