using System.Text;

namespace Omnichannel.Bots.Knowledge.Tests.Content;

/// <summary>Every per-file diagnostic with its exact <c>file:line: severity: message</c>.</summary>
public sealed class FileDiagnosticsTests
{
    public static TheoryData<string, string, string[]> Cases => new()
    {
        {
            "a.md", "---\nid: a\ntitle: [x\n---\nBody.\n",
            ["a.md:3: error: invalid YAML: while parsing a flow sequence, did not find expected ',' or ']'."]
        },
        {
            "a.md", "---\nid: a\ntitle: T\n  locale: en\n---\nBody.\n",
            ["a.md:4: error: invalid YAML: while scanning a plain scalar value, found invalid mapping."]
        },
        {
            "a.md", "Just text.\n",
            ["a.md:1: error: missing front matter: the file must start with a '---' line, then 'id:' and 'title:' lines, then '---'"]
        },
        {
            "a.md", "---\nid: a\ntitle: T\nBody.\n",
            ["a.md:1: error: the front matter is not closed: add a '---' line after its last key"]
        },
        {
            "a.md", "---\n---\nBody.\n",
            ["a.md:1: error: missing id: add 'id: some-article' to the front matter", "a.md:1: error: missing title: add 'title: ...' to the front matter"]
        },
        {
            "a.md", "---\nid:\ntitle: ''\n---\nBody.\n",
            ["a.md:2: error: id is empty", "a.md:3: error: title is empty"]
        },
        {
            "a.md", "---\nid: Shipping Times\ntitle: T\n---\nBody.\n",
            ["a.md:2: error: invalid id 'Shipping Times': use only a-z, 0-9 and '-', starting with a letter or digit (try 'shipping-times')"]
        },
        {
            "a.md", "---\nid: a\ntitle: T\n---\n\n\n",
            ["a.md:4: error: the answer is empty: write it below the front matter"]
        },
        {
            "a.md", "---\nid: a\ntitle: T\n---\n## Short\nBrief.\n",
            ["a.md:5: error: the answer is empty: only a '## Short' section was written; write the full answer above it"]
        },
        {
            "a.md", "---\nid: a\ntitle: T\nquestion: hi\ntag: [x]\nTitle: U\nlang: en\nanswer: no\nfoo: 1\n---\nBody.\n",
            [
                "a.md:4: warning: unknown key 'question' (did you mean 'questions'?)",
                "a.md:5: warning: unknown key 'tag' (did you mean 'tags'?)",
                "a.md:6: warning: unknown key 'Title' (did you mean 'title'?)",
                "a.md:7: warning: unknown key 'lang' (did you mean 'locale'?)",
                "a.md:8: warning: unknown key 'answer': the answer is the Markdown below the front matter",
                "a.md:9: warning: unknown key 'foo' (known keys: id, title, locale, tags, questions, related, channels, url)",
            ]
        },
        {
            "a.md", "---\nid: a\ntitle: T\ntitle: U\n---\nBody.\n",
            ["a.md:4: error: 'title' appears twice (first on line 3)"]
        },
        {
            "a.md", "---\nid: a\ntitle: [T]\ntags: shipping\nquestions:\n  - [nested]\n  -\nrelated: {a: b}\n---\nBody.\n",
            [
                "a.md:3: error: 'title' must be text, not a list",
                "a.md:4: error: 'tags' must be a list, not text: write 'tags: [a, b]' or one '- entry' per line below 'tags:'",
                "a.md:6: error: each entry of 'questions' must be text, not a list",
                "a.md:7: warning: empty entry in 'questions' (ignored)",
                "a.md:8: error: 'related' must be a list, not a mapping (key: value lines): write 'related: [a, b]' or one '- entry' per line below 'related:'",
            ]
        },
        {
            "a.md", "---\nid: a\ntitle: T\nlocale: xx-Nowhere\nurl: help/a\n---\nBody.\n",
            ["a.md:4: error: invalid locale 'xx-Nowhere': use a BCP 47 language tag such as en, en-US or de", "a.md:5: error: url 'help/a' is not an absolute http(s) address"]
        },
        {
            "a.md", "---\nid: a\ntitle: T\n---\nBody.\n\n## Short\n" + new string('x', 321) + "\n",
            ["a.md:7: error: short answer is 321 characters of plain text; at most 320 (it is sent on SMS and the messaging apps)"]
        },
        {
            "a.md", "---\nid: a\ntitle: T\n---\nBody.\n\n## Short\n\n## More\nText.\n",
            ["a.md:7: warning: the '## Short' section is empty: write a short answer (at most 320 characters) or remove the heading"]
        },
        {
            "a.md", "---\nid: a\ntitle: T\n---\nBody.\n\n## Short\nOne.\n\n## Short\nTwo.\n",
            ["a.md:10: error: second '## Short' section (the first is on line 7): keep one"]
        },
        {
            "a.md", "---\nid: a\ntitle: T\n---\nThis answer is a placeholder written by kb import-csv: replace it.\n",
            ["a.md:5: warning: answer is a placeholder written by kb import-csv: write the real answer"]
        },
        {
            "a.md", "---\nid: a\ntitle: T\n---\n",
            ["a.md:4: error: the answer is empty: write it below the front matter"]
        },
        {
            "a.md", " \n\n", ["a.md:1: error: the file is empty"]
        },
        {
            "a.md", "---\nid: a\n---\n---\nx: 1\n---\n",
            ["a.md:1: error: missing title: add 'title: ...' to the front matter"]
        },
        {
            "a.md", "---\n- id: a\n---\nBody.\n",
            ["a.md:2: error: the front matter must be 'key: value' lines (id:, title:, ...), not a list"]
        },
        {
            "a.md", "---\nid: a\ntitle: *nothing\n---\nBody.\n",
            ["a.md:3: error: invalid YAML: unknown alias '*nothing'"]
        },
        {
            "a.md", "---\nid: a\ntitle: &t [x, *t]\n---\nBody.\n",
            ["a.md:3: error: invalid YAML: unknown alias '*t'"]
        },
        {
            "a.md", "---\nid: a\ntitle: T\n\ttags: [x]\n---\nBody.\n",
            ["a.md:4: error: invalid YAML: while scanning a plain scalar, found a tab character that violate indentation."]
        },
        {
            "faq.yaml", "- question: q\n  answer: a\n---\n- question: r\n  answer: b\n",
            ["faq.yaml:3: error: only one YAML document is allowed here (remove the extra '---')"]
        },
        {
            "faq.yaml", "- question: q\n  answer: a\n  tags: [x]\n  tags: [y]\n",
            ["faq.yaml:4: error: 'tags' appears twice (first on line 3)"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_InvalidContent_ReportsFileLineAndMessage(string path, string content, string[] expected)
    {
        var file = KnowledgeFileParser.Parse(path, content);

        Assert.Equal(expected, Articles.Lines(file));
        Assert.Equal(expected.Any(e => e.Contains(": error: ", StringComparison.Ordinal)), file.HasErrors);
    }

    [Fact]
    public void Parse_CrlfFile_LinesAreTheSame()
    {
        var file = KnowledgeFileParser.Parse("a.md", Encoding.UTF8.GetBytes("---\r\nid: a\r\ntitle: T\r\ntag: [x]\r\n---\r\nBody.\r\n"));

        Assert.Equal(["a.md:4: warning: unknown key 'tag' (did you mean 'tags'?)"], Articles.Lines(file));
    }

    [Fact]
    public void Parse_BinaryFile_ErrorOnTheLineOfTheNulByte()
    {
        var file = KnowledgeFileParser.Parse("img.md", [(byte)'a', (byte)'\n', (byte)'b', 0, 1, 2]);

        Assert.Equal(["img.md:2: error: the file contains a NUL byte: is it a binary file? knowledge files are UTF-8 text"], Articles.Lines(file));
        Assert.Empty(file.Articles);
    }

    [Fact]
    public void Parse_InvalidUtf8_ErrorOnItsLine()
    {
        var file = KnowledgeFileParser.Parse("latin1.md", [.. "---\nid: a\ntitle: Caf"u8, 0xE9, (byte)'\n']);

        Assert.Equal(["latin1.md:3: error: the file is not valid UTF-8 text: save it as UTF-8"], Articles.Lines(file));
    }

    [Fact]
    public void Parse_Utf16File_AsksForUtf8()
    {
        var file = KnowledgeFileParser.Parse("a.md", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("---\nid: a\n")).ToArray());

        Assert.Equal(["a.md:1: error: the file is UTF-16 text: save it as UTF-8"], Articles.Lines(file));
    }

    [Fact]
    public void Parse_EmptyBytes_FileIsEmpty()
    {
        Assert.Equal(["a.csv:1: error: the file is empty"], Articles.Lines(KnowledgeFileParser.Parse("a.csv", ReadOnlySpan<byte>.Empty)));
    }

    [Fact]
    public void Unreadable_ReasonWithoutLine()
    {
        var file = KnowledgeFileParser.Unreadable("a.md", "permission denied");

        Assert.Equal(["a.md: error: cannot read the file: permission denied"], Articles.Lines(file));
        Assert.True(file.HasErrors);
    }
}
