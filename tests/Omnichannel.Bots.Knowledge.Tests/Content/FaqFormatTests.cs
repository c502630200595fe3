namespace Omnichannel.Bots.Knowledge.Tests.Content;

public sealed class FaqFormatTests
{
    [Fact]
    public void ParseCsv_QuotedFields_CommasQuotesAndNewlines()
    {
        const string Csv = "question,answer,tags\n" +
            "\"Can I pay, with cash?\",\"No, sorry.\nOnly \"\"cards\"\".\",pay; cash ;\n" +
            "Do you ship abroad?,Yes.,\n";

        var file = KnowledgeFileParser.Parse("faq.csv", Csv);

        Assert.Empty(file.Diagnostics);
        Assert.Equal(2, file.Articles.Count);
        var first = file.Articles[0];
        Assert.Equal(("can-i-pay-with-cash", "Can I pay, with cash?", "No, sorry.\nOnly \"cards\"."), (first.Id, first.Title, first.Answer));
        Assert.Equal(["Can I pay, with cash?"], first.Questions);
        Assert.Equal(["pay", "cash"], first.Tags);
        Assert.Equal(new KnowledgeSource("faq.csv", 2), first.Source);
        Assert.Equal(new KnowledgeSource("faq.csv", 4), file.Articles[1].Source);
        Assert.Equal("en", file.Articles[1].Locale);
    }

    [Fact]
    public void ParseCsv_OptionalColumnsCrlfAndSpacesAroundQuotes_Used()
    {
        const string Csv = "Id, Question ,answer,title,locale\r\nreturns, \"How do I return?\" ,Use the form.,Returns,de\r\n\r\n";

        var article = Assert.Single(KnowledgeFileParser.Parse("faq.csv", Csv).Articles);

        Assert.Equal(("returns", "Returns", "de", "How do I return?"), (article.Id, article.Title, article.Locale, article.Questions[0]));
    }

    public static TheoryData<string, string[]> CsvErrors => new()
    {
        { "question,id\nq,x\n", ["faq.csv:1: error: missing column 'answer': the header has question, id"] },
        { "question;answer\nq;a\n", ["faq.csv:1: error: missing columns 'question' and 'answer': the header has question;answer (the file seems to use ';' between columns: use ',')"] },
        { "question,answer\n\"a\nb\",x\nonly one\nq,a,extra\n", ["faq.csv:4: error: row has 1 field; the header has 2 (put a field that contains a comma in double quotes)", "faq.csv:5: error: row has 3 fields; the header has 2 (put a field that contains a comma in double quotes)"] },
        { "question,answer\nq,a\n\"open,x\nmore\n", ["faq.csv:3: error: a quoted field is not closed: add the closing '\"' (a quote inside a quoted field is written \"\")"] },
        { "question,answer\n\"q\"x,a\n", ["faq.csv:2: error: unexpected 'x' after the closing quote of a field (a quote inside a quoted field is written \"\")"] },
        { "question,answer,tag,,question\nq,a,x,y,z\n", ["faq.csv:1: error: column 4 of the header has no name", "faq.csv:1: error: column 'question' appears twice in the header", "faq.csv:1: warning: unknown column 'tag' (ignored); did you mean 'tags'?"] },
        { "question,answer\n,a\nq,\n¿¡,x\n", ["faq.csv:2: error: question is empty", "faq.csv:3: error: the answer is empty: write it in the answer column", "faq.csv:4: error: cannot make an id from the question: give the entry an id"] },
        { "question,answer,id,locale\nq,a,Bad_Id,zz-ZZ-ZZ\n", ["faq.csv:2: error: invalid id 'Bad_Id': use only a-z, 0-9 and '-', starting with a letter or digit (try 'bad-id')", "faq.csv:2: error: invalid locale 'zz-ZZ-ZZ': use a BCP 47 language tag such as en, en-US or de"] },
        { "question,answer\n", ["faq.csv:1: warning: the file has a header but no rows"] },
    };

    [Theory]
    [MemberData(nameof(CsvErrors))]
    public void ParseCsv_BadContent_ReportsRowLines(string csv, string[] expected)
    {
        Assert.Equal(expected, Articles.Lines(KnowledgeFileParser.Parse("faq.csv", csv)));
    }

    [Fact]
    public void ParseCsv_RowAfterMultilineField_KeepsItsOwnLine()
    {
        var file = KnowledgeFileParser.Parse("faq.csv", "question,answer\nq1,\"one\ntwo\nthree\"\nq2,\"See [x](missing.md).\"\n");

        Assert.Equal([2, 5], file.Articles.Select(a => a.Source.Line));
        Assert.Equal(5, Assert.Single(file.Articles[1].Links).Line);
    }

    [Fact]
    public void ParseYaml_Entries_QuestionQuestionsTitleAndBlockAnswer()
    {
        const string Yaml = """
            # FAQ
            - question: Do you ship abroad?
              answer: |
                Yes, to the EU.

                ## Short
                EU only.
              tags: [shipping]
            - id: opening-hours
              title: Opening hours
              question: When are you open?
              questions: [Are you open on Sunday?]
              answer: Weekdays 9-5. See [contact](contact.md).
              locale: de
              related: [do-you-ship-abroad]
            """;

        var file = KnowledgeFileParser.Parse("faq/general.yaml", Yaml);

        Assert.Empty(file.Diagnostics);
        var (first, second) = (file.Articles[0], file.Articles[1]);
        Assert.Equal(("do-you-ship-abroad", "Do you ship abroad?", "Yes, to the EU.", "EU only."), (first.Id, first.Title, first.Answer, first.ShortAnswer));
        Assert.Equal(new KnowledgeSource("faq/general.yaml", 2), first.Source);
        Assert.Equal(["When are you open?", "Are you open on Sunday?"], second.Questions);
        Assert.Equal(("opening-hours", "Opening hours", "de"), (second.Id, second.Title, second.Locale));
        Assert.Equal(new KnowledgeLink("contact.md", "faq/contact.md", null, 13), Assert.Single(second.Links));
        Assert.Equal([15], second.RelatedLines);
    }

    public static TheoryData<string, string[]> YamlErrors => new()
    {
        { "question: a\nanswer: b\n", ["faq.yaml:1: error: a YAML FAQ file is a list of entries ('- question: ...' then 'answer: ...'), not a mapping (key: value lines)"] },
        { "- just text\n- question: q\n  answer: a\n  qestion: x\n", ["faq.yaml:1: error: each entry must be 'key: value' lines (question:, answer:, ...), not text", "faq.yaml:4: warning: unknown key 'qestion' (did you mean 'question'?)"] },
        { "- answer: a\n- question: q\n- question: q2\n  answer: [a]\n", ["faq.yaml:1: error: the entry has no question: add 'question: ...' or 'questions: [...]'", "faq.yaml:2: error: the entry has no answer: add 'answer: ...' (or 'answer: |' for several lines)", "faq.yaml:3: error: the entry has no answer: add 'answer: ...' (or 'answer: |' for several lines)", "faq.yaml:4: error: 'answer' must be text, not a list (use 'answer: |' for several lines)"] },
        { "- question: q\n  answer: 'a\n", ["faq.yaml:2: error: invalid YAML: while scanning a quoted scalar, found unexpected end of stream."] },
        { "[]\n", ["faq.yaml:1: warning: the list has no entries"] },
    };

    [Theory]
    [MemberData(nameof(YamlErrors))]
    public void ParseYaml_BadContent_ReportsEntryLines(string yaml, string[] expected)
    {
        Assert.Equal(expected, Articles.Lines(KnowledgeFileParser.Parse("faq.yaml", yaml)));
    }
}
