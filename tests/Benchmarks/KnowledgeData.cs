using System.Text;
using Omnichannel.Bots.Knowledge;
using Omnichannel.Bots.TestSupport;

namespace Benchmarks;

/// <summary>Reads the public evaluation data (found by <see cref="TestData"/>) and the repository's sample help centre.</summary>
public static class KnowledgeData
{
    /// <summary>The repository's sample help centre (<c>knowledge/</c>), which the benchmark hosts serve.</summary>
    public static string SampleKnowledgeFolder() => Path.Combine(TestData.RepositoryRoot, "knowledge");

    /// <summary>Rows of a CSV file with a header (RFC 4180 quoting), as dictionaries by column name.</summary>
    public static List<Dictionary<string, string>> ReadCsv(string path)
    {
        // The knowledge layer's own RFC 4180 reader (the one `kb import-csv` and FAQ files use).
        var records = CsvRecordReader.Read(File.ReadAllText(path, Encoding.UTF8).ReplaceLineEndings("\n"), out var error)
            .Select(r => r.Fields.Select(f => f.Value).ToList())
            .ToList();
        if (error is { } problem)
        {
            throw new InvalidDataException($"{path}:{problem.Line}: {problem.Message}");
        }

        if (records.Count == 0)
        {
            throw new InvalidDataException($"{path}: empty file, a header row is required.");
        }

        var header = records[0];
        var rows = new List<Dictionary<string, string>>(records.Count - 1);
        for (var r = 1; r < records.Count; r++)
        {
            if (records[r].Count != header.Count)
            {
                throw new InvalidDataException($"{path}: record {r + 1} has {records[r].Count} fields, the header {header.Count}.");
            }

            rows.Add(header.Select((name, i) => (name, records[r][i])).ToDictionary(p => p.name, p => p.Item2, StringComparer.Ordinal));
        }

        return rows;
    }
}
