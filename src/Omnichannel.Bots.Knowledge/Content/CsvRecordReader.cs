using System.Text;
using CsvHelper;

namespace Omnichannel.Bots.Knowledge;

/// <summary>One CSV field and the 1-based file line it starts on.</summary>
internal readonly record struct CsvField(string Value, int Line);

/// <summary>One CSV record: the line it starts on and its fields.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<CsvField> Fields);

/// <summary>
/// Reads RFC 4180 CSV with CsvHelper: comma-separated (never guessed, so a file using ';' is reported as such), fields
/// in double quotes may hold commas, newlines and doubled quotes (<c>""</c>); spaces around fields are dropped; blank
/// lines and a byte order mark are skipped. Adds what error messages need: the line each record and each field starts
/// on. The first quoting error (a quoted field never closed, text after a closing quote) stops reading and is reported
/// with its line.
/// </summary>
internal static class CsvRecordReader
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false,
        Mode = CsvMode.Rfc4180,
        AllowLineBreaksInQuotes = true,
        SkipEmptyLines = true,
        TrimWhitespace = true,
        TrackLineNumbers = true,
    };

    private const string Unclosed = "a quoted field is not closed: add the closing '\"' (a quote inside a quoted field is written \"\")";

    public static IReadOnlyList<CsvRecord> Read(string text, out (int Line, string Message)? error)
    {
        error = null;
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        CsvMalformedRecord? malformed = null;
        var options = Options with { OnMalformedRecord = record => malformed ??= record.Reason is CsvMalformedReason.StrayQuote ? null : record };
        var records = new List<CsvRecord>();
        using var reader = CsvReader.FromText(text, options);
        while (reader.Read())
        {
            var line = checked((int)reader.LineNumber);
            var fields = new CsvField[reader.FieldCount];
            var fieldLine = line;
            for (var i = 0; i < fields.Length; i++)
            {
                var value = reader[i].ToString() ?? string.Empty;
                fields[i] = new CsvField(value, fieldLine);

                // Line breaks only occur inside quoted values, which keep them: the next field starts that many lines on.
                fieldLine += value.Count(c => c == '\n');
            }

            if (malformed is { } bad)
            {
                // A quoted field never closed runs to the end of the input: it is this record's last field.
                error = bad.Reason == CsvMalformedReason.UnterminatedQuote ? (fields[^1].Line, Unclosed) : Problem(text, bad);
                return records;
            }

            if (fields.Length == 1 && reader.Current.ToString().Trim().Length == 0)
            {
                // A line of spaces: blank, like an empty one.
                continue;
            }

            records.Add(new CsvRecord(line, fields));
        }

        if (malformed is { } last)
        {
            error = Problem(text, last);
        }

        return records;
    }

    private static (int Line, string Message) Problem(string text, CsvMalformedRecord record)
    {
        // The problem's offset is in bytes of the UTF-8 input: its line is one more than the line breaks before it.
        var utf8 = Encoding.UTF8.GetBytes(text);
        var offset = (int)Math.Clamp(record.ByteOffset, 0, utf8.Length);
        var line = 1 + utf8.AsSpan(0, offset).Count((byte)'\n');
        return record.Reason switch
        {
            CsvMalformedReason.UnterminatedQuote => (line, Unclosed),
            CsvMalformedReason.TextAfterClosingQuote => (line, $"unexpected '{After(utf8, offset)}' after the closing quote of a field (a quote inside a quoted field is written \"\")"),
            _ => (line, $"malformed CSV ({record.Reason}) (a quote inside a quoted field is written \"\")"),
        };
    }

    /// <summary>The first character after the closing quote at or after <paramref name="offset"/> and any spaces.</summary>
    private static char After(byte[] utf8, int offset)
    {
        var rest = Encoding.UTF8.GetString(utf8, offset, Math.Min(utf8.Length - offset, 64));
        var quote = rest.IndexOf('"', StringComparison.Ordinal);
        var tail = (quote < 0 ? rest : rest[(quote + 1)..]).TrimStart(' ', '\t');
        return tail.Length > 0 ? tail[0] : '?';
    }
}
