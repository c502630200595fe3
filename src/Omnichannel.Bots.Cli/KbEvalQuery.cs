namespace Omnichannel.Bots.Cli;

/// <summary>One row of a <c>kb eval</c> queries file: the question and the article id it must get (<c>oos</c>: none).</summary>
internal sealed record KbEvalQuery(string Text, string ExpectedId, int Line)
{
    public const string OutOfScope = "oos";

    public bool IsOutOfScope => ExpectedId == OutOfScope;

    /// <summary>
    /// Reads <c>text&lt;TAB&gt;expected_id</c> rows. Blank lines are skipped, and a first row <c>text&lt;TAB&gt;expected_id</c>
    /// is taken as a header. Any other row without exactly two non-empty fields is an error naming its line.
    /// </summary>
    public static List<KbEvalQuery> Parse(string path, IReadOnlyList<string> lines, ISet<string> articleIds)
    {
        var queries = new List<KbEvalQuery>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || (i == 0 && line == "text\texpected_id"))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 2 || fields[0].Trim().Length == 0 || fields[1].Trim().Length == 0)
            {
                throw new FormatException($"{path}:{i + 1}: expected 'text<TAB>expected_id' (two non-empty fields separated by one tab), found {fields.Length} field(s).");
            }

            var expected = fields[1].Trim();
            if (expected != OutOfScope && !articleIds.Contains(expected))
            {
                throw new FormatException($"{path}:{i + 1}: expected_id '{expected}' is not an article id of the knowledge folder (nor 'oos').");
            }

            queries.Add(new KbEvalQuery(fields[0].Trim(), expected, i + 1));
        }

        return queries.Count > 0 ? queries : throw new FormatException($"{path}: no queries.");
    }
}
