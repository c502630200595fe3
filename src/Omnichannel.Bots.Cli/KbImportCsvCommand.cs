using System.Globalization;
using System.Text;
using Omnichannel.Bots.Knowledge;

namespace Omnichannel.Bots.Cli;

/// <summary>
/// <c>omnibot kb import-csv FILE --text-column C --label-column C --out DIR [--per-label N] [--answer-column C] [--force]</c>:
/// turns labelled example questions into knowledge files, one <c>.md</c> per label. Exit 0 written, 1 the CSV is
/// malformed or a file cannot be written, 2 usage (the message names the argument).
/// </summary>
internal static class KbImportCsvCommand
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<int> RunAsync(Request request, CliConsole console, CancellationToken cancellationToken)
    {
        var stdout = console.Out;
        var stderr = console.Error;
        var file = request.File;
        var output = request.Out;
        var perLabel = request.PerLabel;
        string text;
        try
        {
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
            var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }
        catch (DecoderFallbackException)
        {
            await stderr.WriteLineAsync($"{file}: error: the file is not valid UTF-8 text: save it as UTF-8").ConfigureAwait(false);
            return 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"{file}: error: cannot read the file: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        var records = CsvRecordReader.Read(text, out var csvError);
        if (csvError is { } e)
        {
            await stderr.WriteLineAsync($"{file}:{e.Line}: error: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        if (records.Count == 0)
        {
            await stderr.WriteLineAsync($"{file}: error: the file is empty (a header row and one row per example are expected)").ConfigureAwait(false);
            return 1;
        }

        var header = records[0].Fields.Select(f => f.Value.Trim()).ToList();
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var option in new[] { "--text-column", "--label-column", "--answer-column" })
        {
            if (request.Column(option) is not { } name)
            {
                continue;
            }

            var index = header.IndexOf(name.Trim());
            if (index < 0)
            {
                index = header.FindIndex(h => string.Equals(h, name.Trim(), StringComparison.OrdinalIgnoreCase));
            }

            if (index < 0)
            {
                return await console.UsageErrorAsync($"{option}: no column '{name}' in {file}; the columns are: {string.Join(", ", header)}").ConfigureAwait(false);
            }

            columns[option] = index;
        }

        var labels = Group(file, records, columns, perLabel, stderr, out var skipped);
        if (labels.Count == 0)
        {
            await stderr.WriteLineAsync($"{file}: error: no row has both a text and a label").ConfigureAwait(false);
            return 1;
        }

        if (await CheckOutputAsync(output, request.Force, console).ConfigureAwait(false) is { } usage)
        {
            return usage;
        }

        var written = 0;
        var placeholders = 0;
        try
        {
            Directory.CreateDirectory(output);
            foreach (var label in labels)
            {
                placeholders += label.Answer is null ? 1 : 0;
                await File.WriteAllTextAsync(Path.Combine(output, label.Id + ".md"), Render(label), StrictUtf8, cancellationToken).ConfigureAwait(false);
                written++;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"omnibot kb import-csv: cannot write to '{output}' ({written} files written): {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        var questions = labels.Sum(l => l.Questions.Count);
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"wrote {written} files to {output}: {labels.Count} labels, {questions} questions; {skipped} rows skipped")).ConfigureAwait(false);
        if (placeholders > 0)
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{placeholders} answers are placeholders: write them (omnibot kb validate {output} lists them)")).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task<int?> CheckOutputAsync(string output, bool force, CliConsole console)
    {
        if (File.Exists(output))
        {
            return await console.UsageErrorAsync($"--out '{output}' is a file, not a folder").ConfigureAwait(false);
        }

        if (!force && Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            return await console.UsageErrorAsync($"--out '{output}' is not empty: choose a new or empty folder, or add --force to overwrite files with the same names").ConfigureAwait(false);
        }

        return null;
    }

    private static List<ImportedLabel> Group(string file, IReadOnlyList<CsvRecord> records, Dictionary<string, int> columns, int? perLabel, TextWriter stderr, out int skipped)
    {
        skipped = 0;
        var byLabel = new Dictionary<string, ImportedLabel>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<ImportedLabel>();
        var width = records[0].Fields.Count;
        foreach (var row in records.Skip(1))
        {
            if (row.Fields.Count != width)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file}:{row.Line}: warning: row has {row.Fields.Count} fields; the header has {width} (skipped)"));
                skipped++;
                continue;
            }

            var textValue = row.Fields[columns["--text-column"]].Value;
            var labelValue = row.Fields[columns["--label-column"]].Value.Trim();
            if (textValue.Trim().Length == 0 || labelValue.Length == 0)
            {
                skipped++;
                continue;
            }

            if (!byLabel.TryGetValue(labelValue, out var label))
            {
                label = new ImportedLabel(UniqueId(labelValue, ids, byLabel.Count + 1), Humanize(labelValue));
                byLabel.Add(labelValue, label);
                ordered.Add(label);
            }

            if (perLabel is null || label.Questions.Count < perLabel)
            {
                label.Questions.Add(textValue);
            }

            if (label.Answer is null && columns.TryGetValue("--answer-column", out var answerColumn) && row.Fields[answerColumn].Value.Trim().Length > 0)
            {
                label.Answer = row.Fields[answerColumn].Value.Trim();
            }
        }

        return ordered;
    }

    private static string UniqueId(string label, HashSet<string> ids, int ordinal)
    {
        var slug = TextTools.Slug(label);
        var id = slug.Length > 0 ? slug : string.Create(CultureInfo.InvariantCulture, $"label-{ordinal}");
        var candidate = id;
        for (var n = 2; !ids.Add(candidate); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{id}-{n}");
        }

        return candidate;
    }

    private static string Humanize(string label)
    {
        var words = label.Replace('_', ' ').Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var text = string.Join(' ', words);
        return text.Length == 0 ? label : char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static string Render(ImportedLabel label)
    {
        var builder = new StringBuilder();
        builder.Append("---\nid: ").Append(label.Id).Append('\n');
        builder.Append("title: ").Append(YamlText.Scalar(label.Title)).Append('\n');
        builder.Append("questions:\n");
        foreach (var question in label.Questions)
        {
            builder.Append("  - ").Append(YamlText.Scalar(question)).Append('\n');
        }

        builder.Append("---\n");
        builder.Append(label.Answer ?? $"This answer is a {KnowledgeFileParser.PlaceholderMarker}: replace it with the answer about \"{label.Title}\".");
        return builder.Append('\n').ToString();
    }

    /// <summary>The parsed arguments of one import.</summary>
    internal sealed record Request(string File, string TextColumn, string LabelColumn, string Out, int? PerLabel, string? AnswerColumn, bool Force)
    {
        public string? Column(string option) => option switch
        {
            "--text-column" => TextColumn,
            "--label-column" => LabelColumn,
            "--answer-column" => AnswerColumn,
            _ => null,
        };
    }

    private sealed class ImportedLabel(string id, string title)
    {
        public string Id { get; } = id;

        public string Title { get; } = title;

        public List<string> Questions { get; } = [];

        public string? Answer { get; set; }
    }
}
