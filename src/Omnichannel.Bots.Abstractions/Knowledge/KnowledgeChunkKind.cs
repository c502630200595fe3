namespace Omnichannel.Bots.Knowledge;

/// <summary>What a chunk holds: part of an article's answer, or one of the example questions customers ask for it.</summary>
public enum KnowledgeChunkKind
{
    /// <summary>A section of the article's answer (the text under one heading).</summary>
    Passage,

    /// <summary>One example phrasing from the article's <c>questions:</c> (or the question of a FAQ row).</summary>
    Question,
}
