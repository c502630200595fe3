using System.Text;

namespace Omnichannel.Bots.Knowledge;

/// <summary>One CSV field and the 1-based file line it starts on.</summary>
internal readonly record struct CsvField(string Value, int Line);

/// <summary>One CSV record: the line it starts on and its fields.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<CsvField> Fields);

/// <summary>
/// An RFC 4180 reader: comma-separated, fields in double quotes may hold commas, newlines and doubled quotes
/// (<c>""</c>); spaces around a quoted field are dropped. Blank lines are skipped. Expects '\n' line ends (the caller
/// normalises CRLF). The first structural error stops reading and is reported with its line.
/// </summary>
internal static class CsvRecordReader
{
    public static IReadOnlyList<CsvRecord> Read(string text, out (int Line, string Message)? error)
    {
        error = null;
        var records = new List<CsvRecord>();
        var fields = new List<CsvField>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var fieldLine = 1;
        var quoted = false;
        var i = 0;
        while (true)
        {
            var atEnd = i >= text.Length;
            var c = atEnd ? '\n' : text[i];
            if (c == '"' && !quoted && IsBlank(field))
            {
                field.Clear();
                fieldLine = line;
                if (!ReadQuoted(text, ref i, ref line, field))
                {
                    error = (fieldLine, "a quoted field is not closed: add the closing '\"' (a quote inside a quoted field is written \"\")");
                    return records;
                }

                quoted = true;
                while (i < text.Length && text[i] is ' ' or '\t')
                {
                    i++;
                }

                if (i < text.Length && text[i] is not (',' or '\n'))
                {
                    error = (line, $"unexpected '{text[i]}' after the closing quote of a field (a quote inside a quoted field is written \"\")");
                    return records;
                }

                continue;
            }

            if (c == ',')
            {
                fields.Add(new CsvField(field.ToString(), fieldLine));
                field.Clear();
                quoted = false;
                fieldLine = line;
                i++;
                continue;
            }

            if (c == '\n')
            {
                if (fields.Count > 0 || quoted || field.ToString().Trim().Length > 0)
                {
                    fields.Add(new CsvField(field.ToString(), fieldLine));
                    records.Add(new CsvRecord(recordLine, fields));
                    fields = [];
                }

                if (atEnd)
                {
                    return records;
                }

                field.Clear();
                quoted = false;
                line++;
                recordLine = line;
                fieldLine = line;
                i++;
                continue;
            }

            field.Append(c);
            i++;
        }
    }

    private static bool IsBlank(StringBuilder field)
    {
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] is not (' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads from the opening quote at <paramref name="i"/> to just past the closing one.</summary>
    private static bool ReadQuoted(string text, ref int i, ref int line, StringBuilder field)
    {
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                i++;
                return true;
            }

            if (c == '\n')
            {
                line++;
            }

            field.Append(c);
            i++;
        }

        return false;
    }
}
