namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// The knowledge base as dialogs see it: ask a question, get ranked articles with a decision (answer, clarify,
/// decline). The implementation serves the last good version of the knowledge files and swaps in edits atomically.
/// </summary>
public interface IKnowledgeBase
{
    Task<KnowledgeAnswer> AskAsync(string question, KnowledgeFilter filter, CancellationToken cancellationToken);

    /// <summary>The article with this id in the version now served, or null.</summary>
    KnowledgeArticle? FindArticle(string id);
}
