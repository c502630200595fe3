using System.Text.Json;
using Omnichannel.Bots.Cli;

namespace Omnichannel.Bots.Knowledge.Tests.Retrieval;

public sealed class KbCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "omnibot-kb-" + Guid.NewGuid().ToString("N"));

    public KbCommandTests()
    {
        Folder = Path.Combine(_root, "knowledge");
        Directory.CreateDirectory(Folder);
        foreach (var article in RetrievalFixtures.Shop())
        {
            File.WriteAllText(Path.Combine(Folder, article.Id + ".md"), $"""
                ---
                id: {article.Id}
                title: {article.Title}
                questions:
                {string.Join('\n', article.Questions.Select(q => "  - " + q))}
                ---
                {article.Answer}
                """);
        }
    }

    private string Folder { get; }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task KbIndex_SecondRun_EmbedsNothingAndKeepsTheIndexOutsideTheFolder()
    {
        var first = await RunAsync("kb", "index", Folder);
        var second = await RunAsync("kb", "index", Folder);

        Assert.Equal(0, first.Exit);
        Assert.Contains("indexed 6 articles, 30 chunks: 30 embedded, 0 unchanged, 0 removed", first.Out, StringComparison.Ordinal);
        Assert.Contains("30 chunks: 0 embedded, 30 unchanged", second.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_root, ".omnibot", "knowledge", "knowledge.db")));
        Assert.Empty(Directory.GetFiles(Folder, "*.db", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task KbIndex_InvalidFile_ExitsOneWithTheDiagnostic()
    {
        File.WriteAllText(Path.Combine(Folder, "broken.md"), "---\nid: broken\n---\nno title\n");

        var result = await RunAsync("kb", "index", Folder);

        Assert.Equal(1, result.Exit);
        Assert.Contains("broken.md:", result.Err, StringComparison.Ordinal);
        Assert.Contains("nothing indexed", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbSearch_Question_PrintsDecisionAndRankedArticles()
    {
        var text = await RunAsync("kb", "search", Folder, "I forgot my password", "--top", "3");
        var json = await RunAsync("kb", "search", Folder, "I forgot my password", "--json");

        Assert.Equal(0, text.Exit);
        var lines = text.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Answer (confidence ", lines[0], StringComparison.Ordinal);
        Assert.Contains("threshold ", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^ 1\. [01]\.\d\d  reset-password  Reset your password  \(reset-password\.md:1\)$", lines[1]);
        Assert.Equal(4, lines.Length);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal("answer", document.RootElement.GetProperty("decision").GetString());
        Assert.Equal("reset-password", document.RootElement.GetProperty("matches")[0].GetProperty("id").GetString());
        Assert.True(document.RootElement.GetProperty("matches")[0].GetProperty("hits").GetArrayLength() > 0);
    }

    [Fact]
    public async Task KbEval_Json_ExactlyTheDocumentedKeysWithRatesInZeroToOne()
    {
        var queries = Path.Combine(_root, "queries.tsv");
        File.WriteAllLines(queries, ["text\texpected_id", "where is my parcel\ttrack-order", "I forgot my password\treset-password", "can I pay with paypal\tpayment-methods", "what is the capital of mongolia\toos"]);

        var result = await RunAsync("kb", "eval", Folder, queries, "--json");

        Assert.Equal(0, result.Exit);
        using var document = JsonDocument.Parse(result.Out);
        var root = document.RootElement;
        foreach (var key in new[] { "queries", "top1", "top3", "mrr", "in_scope_accuracy", "oos_precision", "oos_recall", "latency_ms" })
        {
            Assert.True(root.TryGetProperty(key, out _), $"missing key {key}");
        }

        Assert.Equal(4, root.GetProperty("queries").GetInt32());
        foreach (var key in new[] { "top1", "top3", "mrr", "in_scope_accuracy", "oos_precision", "oos_recall" })
        {
            Assert.InRange(root.GetProperty(key).GetDouble(), 0, 1);
        }

        Assert.Equal(1.0, root.GetProperty("top3").GetDouble());
        Assert.Equal(1.0, root.GetProperty("oos_recall").GetDouble());
        Assert.True(root.GetProperty("latency_ms").GetProperty("p50").GetDouble() >= 0);
        Assert.True(root.GetProperty("latency_ms").GetProperty("p99").GetDouble() >= root.GetProperty("latency_ms").GetProperty("p50").GetDouble());
    }

    [Fact]
    public async Task KbEval_JsonOnTinyFolder_RatesAreFractionsOfTheRowCounts()
    {
        var tiny = Path.Combine(_root, "tiny");
        Directory.CreateDirectory(tiny);
        File.WriteAllText(Path.Combine(tiny, "returns.md"), "---\nid: returns\ntitle: Return an item\nquestions:\n  - how do I return something\n  - send an item back\n---\nYou can return unused items within 30 days.\n");
        File.WriteAllText(Path.Combine(tiny, "reset-password.md"), "---\nid: reset-password\ntitle: Reset your password\nquestions:\n  - I forgot my password\n  - reset password\n---\nClick 'Forgot password' on the sign-in page.\n");
        var queries = Path.Combine(_root, "tiny.tsv");
        File.WriteAllLines(queries, ["how do I return something\treturns", "I forgot my password\treset-password", "what is the capital of mongolia\toos", "who won the football last night\toos"]);

        var result = await RunAsync("kb", "eval", tiny, queries, "--json");

        Assert.Equal(0, result.Exit);
        using var document = JsonDocument.Parse(result.Out);
        var root = document.RootElement;
        Assert.Equal(4, root.GetProperty("queries").GetInt32());
        Assert.Equal(2, root.GetProperty("in_scope_queries").GetInt32());
        Assert.Equal(2, root.GetProperty("oos_queries").GetInt32());
        var rate = new Dictionary<string, double>();
        foreach (var key in new[] { "top1", "top3", "mrr", "in_scope_accuracy", "oos_precision", "oos_recall" })
        {
            rate[key] = root.GetProperty(key).GetDouble();
            Assert.InRange(rate[key], 0, 1);
        }

        // Two in-scope rows: top1, top3 and accuracy are 0, 1/2 or 1; two oos rows: recall too; with two articles
        // every expected article is in the top 3 and each reciprocal rank is 1 or 1/2.
        foreach (var key in new[] { "top1", "top3", "in_scope_accuracy", "oos_recall" })
        {
            Assert.Contains(rate[key], new[] { 0, 0.5, 1 });
        }

        Assert.Equal(1.0, rate["top3"]);
        Assert.Contains(rate["mrr"], new[] { 0.5, 0.75, 1 });
        Assert.Equal((1 + rate["top1"]) / 2, rate["mrr"], 6);
        Assert.InRange(rate["in_scope_accuracy"], 0, rate["top1"]);
        var latency = root.GetProperty("latency_ms");
        Assert.InRange(latency.GetProperty("p50").GetDouble(), 0, latency.GetProperty("p99").GetDouble());
    }

    [Fact]
    public async Task KbEval_NoOosRows_OosRatesNull()
    {
        var queries = Path.Combine(_root, "queries.tsv");
        File.WriteAllLines(queries, ["where is my parcel\ttrack-order"]);

        var result = await RunAsync("kb", "eval", Folder, queries, "--json");

        using var document = JsonDocument.Parse(result.Out);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("oos_precision").ValueKind);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("oos_recall").ValueKind);
    }

    [Theory]
    [InlineData("where is my parcel", "queries.tsv:2: expected 'text<TAB>expected_id'")]
    [InlineData("where is my parcel\tno-such-article", "queries.tsv:2: expected_id 'no-such-article' is not an article id")]
    public async Task KbEval_MalformedRow_ErrorNamesTheLine(string row, string expected)
    {
        var queries = Path.Combine(_root, "queries.tsv");
        File.WriteAllLines(queries, ["I forgot my password\treset-password", row]);

        var result = await RunAsync("kb", "eval", Folder, queries);

        Assert.Equal(1, result.Exit);
        Assert.Contains(expected, result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kb", "search", "DIR")]
    [InlineData("kb", "search", "DIR", "q", "--top", "zero")]
    [InlineData("kb", "eval", "DIR")]
    [InlineData("kb", "index", "DIR", "--bogus")]
    public async Task Kb_BadUsage_ExitsTwoWithUsage(params string[] args)
    {
        var result = await RunAsync(args.Select(a => a == "DIR" ? Folder : a).ToArray());

        Assert.Equal(2, result.Exit);
        Assert.Contains("Usage:\n  omnibot kb ", result.Err.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await OmnibotCommand.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
