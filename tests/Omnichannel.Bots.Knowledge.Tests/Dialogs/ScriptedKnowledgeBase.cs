namespace Omnichannel.Bots.Knowledge.Tests.Dialogs;

/// <summary>A knowledge base that answers from a script: the first rule whose words the question contains decides.</summary>
internal sealed class ScriptedKnowledgeBase : IKnowledgeBase
{
    private readonly Dictionary<string, KnowledgeArticle> _articles;
    private readonly List<(string Contains, KnowledgeDecision Decision, string[] Ids)> _rules = [];
    private readonly List<(string Question, KnowledgeFilter Filter)> _asked = [];
    private readonly Lock _lock = new();

    public ScriptedKnowledgeBase(IEnumerable<KnowledgeArticle> articles)
    {
        _articles = articles.ToDictionary(a => a.Id);
    }

    /// <summary>Thrown by <see cref="AskAsync"/> when set (an index that failed to load).</summary>
    public Exception? Failure { get; set; }

    public IReadOnlyList<(string Question, KnowledgeFilter Filter)> Asked
    {
        get
        {
            lock (_lock)
            {
                return [.. _asked];
            }
        }
    }

    public ScriptedKnowledgeBase On(string contains, KnowledgeDecision decision, params string[] ids)
    {
        _rules.Add((contains, decision, ids));
        return this;
    }

    public Task<KnowledgeAnswer> AskAsync(string question, KnowledgeFilter filter, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _asked.Add((question, filter));
        }

        if (Failure is not null)
        {
            throw Failure;
        }

        var rule = _rules.FirstOrDefault(r => question.Contains(r.Contains, StringComparison.OrdinalIgnoreCase));
        var decision = rule.Ids is null ? KnowledgeDecision.Decline : rule.Decision;
        var matches = (rule.Ids ?? []).Select((id, i) => new ArticleMatch(_articles[id], (decision == KnowledgeDecision.Decline ? 0.3 : 0.9) - (0.05 * i), [])).ToList();
        return Task.FromResult(new KnowledgeAnswer(question, decision, matches, 0.5));
    }

    public KnowledgeArticle? FindArticle(string id) => _articles.GetValueOrDefault(id);
}
