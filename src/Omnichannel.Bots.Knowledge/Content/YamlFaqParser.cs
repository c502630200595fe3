using YamlDotNet.RepresentationModel;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// A <c>*.yaml</c>/<c>*.yml</c> FAQ: a top-level list of entries
/// <c>{ id?, title?, question | questions: [...], answer, tags?, locale?, related? }</c>.
/// </summary>
internal static class YamlFaqParser
{
    public static IReadOnlyList<KnowledgeArticle> Parse(string text, DiagnosticBag bag)
    {
        var lastLine = TextTools.LineOf(text, text.TrimEnd().Length);
        var root = KnowledgeYaml.Load(text, lineOffset: 0, lastLine, bag, out var failed);
        if (failed)
        {
            return [];
        }

        if (root is not YamlSequenceNode list)
        {
            bag.Error(root?.Line() ?? 1, $"a YAML FAQ file is a list of entries ('- question: ...' then 'answer: ...'), not {root?.Kind() ?? "empty"}");
            return [];
        }

        var articles = new List<KnowledgeArticle>();
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode entry)
            {
                bag.Error(item.Line(), $"each entry must be 'key: value' lines (question:, answer:, ...), not {item.Kind()}");
                continue;
            }

            var draft = new ArticleDraft { Line = entry.Line(), Where = "to the entry", AnswerLine = entry.Line() };
            var answer = ArticleFieldReader.Read(entry, ArticleFieldReader.FaqEntryKeys, draft, bag);
            if (draft.Questions.Count == 0)
            {
                bag.Error(entry.Line(), "the entry has no question: add 'question: ...' or 'questions: [...]'");
                continue;
            }

            if (draft.Title is null || draft.Title.Trim().Length == 0)
            {
                draft.Title = draft.Questions[0];
                draft.TitleLine = entry.Line();
            }

            if (draft.Id is null)
            {
                draft.Id = TextTools.Slug(draft.Questions[0]);
                draft.IdLine = entry.Line();
                draft.IdFromQuestion = true;
            }

            if (answer is null)
            {
                bag.Error(entry.Line(), "the entry has no answer: add 'answer: ...' (or 'answer: |' for several lines)");
                continue;
            }

            draft.AnswerLine = answer.Line();
            draft.Body = MarkdownBody.Parse(answer.Text() ?? string.Empty, answer.IsBlock() ? answer.Line() + 1 : answer.Line(), bag, allowFragments: false);
            if (ArticleBuilder.Build(draft, bag) is { } article)
            {
                articles.Add(article);
            }
        }

        if (list.Children.Count == 0)
        {
            bag.Warning(list.Line(), "the list has no entries");
        }

        return articles;
    }
}
