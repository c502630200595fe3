namespace Omnichannel.Bots.Knowledge.Tests.Hosting;

/// <summary>A temporary knowledge folder that tests write articles into; deleted afterwards.</summary>
internal sealed class KnowledgeFolder : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("omnibot-kb-");

    public KnowledgeFolder()
    {
        Path = System.IO.Path.Combine(_root.FullName, "knowledge");
        DataDirectory = System.IO.Path.Combine(_root.FullName, "data");
        Directory.CreateDirectory(Path);
        Directory.CreateDirectory(DataDirectory);
    }

    public string Path { get; }

    public string DataDirectory { get; }

    public static string Article(string id, string title, string answer, params string[] questions) =>
        $"---\nid: {id}\ntitle: {title}\nquestions:\n{string.Concat(questions.Select(q => $"  - {q}\n"))}---\n{answer}\n";

    public void Write(string relativePath, string text)
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Delete(string relativePath) => File.Delete(System.IO.Path.Combine(Path, relativePath));

    /// <summary>Three articles a static-vector search tells apart.</summary>
    public void WriteShop()
    {
        Write("shipping.md", Article("shipping", "Delivery times", "Standard delivery takes 3-5 business days.", "how long does delivery take", "when will my parcel arrive", "shipping time"));
        Write("returns.md", Article("returns", "Returns", "You can return items within 30 days.", "how do I return something", "send an item back", "return policy"));
        Write("password.md", Article("password", "Reset your password", "Use the forgot password link on the sign-in page.", "I forgot my password", "cannot log in", "reset my password"));
    }

    public void Dispose() => _root.Delete(recursive: true);
}
