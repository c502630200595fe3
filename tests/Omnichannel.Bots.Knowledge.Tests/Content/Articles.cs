namespace Omnichannel.Bots.Knowledge.Tests.Content;

/// <summary>Small article texts for tests.</summary>
internal static class Articles
{
    public static string Md(string id, string title = "A title", string body = "The answer.", string extra = "") =>
        $"---\nid: {id}\ntitle: {title}\n{extra}---\n{body}\n";

    public static IReadOnlyList<string> Lines(KnowledgeFile file) => file.Diagnostics.Select(d => d.ToString()).ToList();
}
