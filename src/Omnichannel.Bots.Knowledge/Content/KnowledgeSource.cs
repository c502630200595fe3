namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// A file (relative to the knowledge folder, with '/' separators) and the 1-based line something starts on. Line 0
/// stands for the whole file or folder (a folder that is missing, a file that cannot be read) and is not printed.
/// </summary>
public sealed record KnowledgeSource(string File, int Line)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}
