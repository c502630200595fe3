namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// A <c>*.csv</c> FAQ: a header row with <c>question</c> and <c>answer</c> (optional <c>id</c>, <c>title</c>,
/// <c>tags</c> separated by ';', <c>locale</c>); each row is one article whose question is its example question.
/// </summary>
internal static class CsvFaqParser
{
    private static readonly string[] Columns = ["question", "answer", "id", "title", "tags", "locale"];
    private static readonly string[] RequiredColumns = ["question", "answer"];

    public static IReadOnlyList<KnowledgeArticle> Parse(string text, DiagnosticBag bag)
    {
        var records = CsvRecordReader.Read(text, out var error);
        if (error is { } e)
        {
            bag.Error(e.Line, e.Message);
            return [];
        }

        if (records.Count == 0)
        {
            bag.Error(1, "the file is empty: a CSV FAQ needs a header row 'question,answer' and one row per question");
            return [];
        }

        var header = records[0];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var unknown = new List<string>();
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Value.Trim().ToLowerInvariant();
            if (name.Length == 0)
            {
                bag.Error(header.Line, $"column {i + 1} of the header has no name");
            }
            else if (!index.TryAdd(name, i))
            {
                bag.Error(header.Line, $"column '{name}' appears twice in the header");
            }
            else if (!Columns.Contains(name))
            {
                var suggestion = TextTools.DidYouMean(name, Columns);
                unknown.Add($"unknown column '{TextTools.Clip(name, 40)}' (ignored){(suggestion is null ? $"; known columns: {string.Join(", ", Columns)}" : $"; did you mean '{suggestion}'?")}");
            }
        }

        var missing = RequiredColumns.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            var names = string.Join(", ", header.Fields.Select(f => f.Value.Trim()));
            var hint = header.Fields.Count == 1 && header.Fields[0].Value.Contains(';', StringComparison.Ordinal) ? " (the file seems to use ';' between columns: use ',')" : string.Empty;
            bag.Error(header.Line, $"missing column{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(" and ", missing.Select(m => $"'{m}'"))}: the header has {names}{hint}");
            return [];
        }

        foreach (var warning in unknown)
        {
            bag.Warning(header.Line, warning);
        }

        if (records.Count == 1)
        {
            bag.Warning(header.Line, "the file has a header but no rows");
        }

        var articles = new List<KnowledgeArticle>();
        foreach (var row in records.Skip(1))
        {
            if (row.Fields.Count != header.Fields.Count)
            {
                bag.Error(row.Line, $"row has {row.Fields.Count} field{(row.Fields.Count == 1 ? string.Empty : "s")}; the header has {header.Fields.Count} (put a field that contains a comma in double quotes)");
                continue;
            }

            if (row.Fields.All(f => f.Value.Trim().Length == 0))
            {
                continue;
            }

            if (Row(row, index, bag) is { } article)
            {
                articles.Add(article);
            }
        }

        return articles;
    }

    private static KnowledgeArticle? Row(CsvRecord row, Dictionary<string, int> index, DiagnosticBag bag)
    {
        CsvField? Field(string name) => index.TryGetValue(name, out var i) ? row.Fields[i] : null;

        var question = Field("question")!.Value;
        var answer = Field("answer")!.Value;
        var draft = new ArticleDraft { Line = row.Line, Where = "(CSV columns)", AnswerLine = answer.Line };
        if (question.Value.Trim().Length == 0)
        {
            bag.Error(question.Line, "question is empty");
            return null;
        }

        draft.Questions.Add(question.Value.Trim());
        if (Field("id") is { } id && id.Value.Trim().Length > 0)
        {
            draft.Id = id.Value;
            draft.IdLine = id.Line;
        }
        else
        {
            draft.Id = TextTools.Slug(question.Value);
            draft.IdLine = question.Line;
            draft.IdFromQuestion = true;
        }

        var title = Field("title") is { } t && t.Value.Trim().Length > 0 ? t : question;
        draft.Title = title.Value;
        draft.TitleLine = title.Line;
        if (Field("tags") is { } tags)
        {
            draft.Tags.AddRange(tags.Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }

        if (Field("locale") is { } locale && locale.Value.Trim().Length > 0)
        {
            draft.Locale = locale.Value;
            draft.LocaleLine = locale.Line;
        }

        draft.Body = MarkdownBody.Parse(answer.Value, answer.Line, bag, allowFragments: false);
        return ArticleBuilder.Build(draft, bag);
    }
}
