namespace Omnichannel.Bots.Knowledge;

/// <summary>A file (relative to the knowledge folder, with '/' separators) and the 1-based line something starts on.</summary>
public sealed record KnowledgeSource(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
