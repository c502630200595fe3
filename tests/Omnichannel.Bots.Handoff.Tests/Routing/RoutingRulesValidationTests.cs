using Omnichannel.Bots.Handoff.Routing;

namespace Omnichannel.Bots.Handoff.Tests.Routing;

public sealed class RoutingRulesValidationTests
{
    /// <summary>Lines 1-4; the rule's body starts on line 5.</summary>
    private const string Rule = "version: 1\nqueues: [general, billing, vip]\nrules:\n  - name: a\n";

    /// <summary>Lines 1-3; weekly's entries start on line 4.</summary>
    private const string Hours = "version: 1\nrules: []\nbusiness_hours:\n";

    [Theory]
    [InlineData("", "r.yaml:1: error: the rules file is empty")]
    [InlineData("# only a comment\n", "r.yaml:1: error: the rules file is empty")]
    [InlineData("version: 1\nrules: [\n  - name: a\n", "r.yaml:3: error: invalid YAML")]
    [InlineData("version: 1\nrules:\n  - name: a\n   when: {}\n", "r.yaml:4: error: invalid YAML")]
    [InlineData("version: 1\nrules: []\n---\nversion: 1\n", "r.yaml:3: error: only one YAML document is allowed")]
    [InlineData("- version: 1\n", "r.yaml:1: error: the rules file must be a mapping")]
    [InlineData("version: 2\nrules: []\n", "r.yaml:1: error: unsupported version '2': this release reads 'version: 1'")]
    [InlineData("rules: []\n", "r.yaml:1: error: the file has no 'version'")]
    [InlineData("version: 1\n", "r.yaml:1: error: the file has no 'rules'")]
    [InlineData("version: 1\nrulez: []\n", "r.yaml:2: error: unknown key 'rulez' at the top of the file (did you mean 'rules'?)")]
    [InlineData("version: 1\nrules: []\nrules: []\n", "r.yaml:3: error: 'rules' appears twice in the same mapping (first on line 2)")]
    [InlineData(Rule + "    escalate: { queue: vip, queue: billing }\n", "r.yaml:5: error: 'queue' appears twice in the same mapping (first on line 5)")]
    [InlineData("version: 1\n? [a, b]\n: 1\nrules: []\n", "r.yaml:2: error: a key must be a plain word, not a list")]
    [InlineData("version: 1\n~: 1\nrules: []\n", "r.yaml:2: error: a key must be a plain word, not nothing")]
    [InlineData("version: 1\nqueues: &q [general, *q]\nrules: []\n", "r.yaml:2: error: invalid YAML: unknown alias '*q'")]
    [InlineData("version: 1\nqueues: *nothing\nrules: []\n", "r.yaml:2: error: invalid YAML: unknown alias '*nothing'")]
    [InlineData("version: 1\nrules:\n  - name: a\n\t  answer: true\n", "r.yaml:4: error: invalid YAML: while scanning a plain scalar, found a tab character that violate indentation.")]
    [InlineData("version: 1\nrules: { a: 1 }\n", "r.yaml:2: error: 'rules' must be a list")]
    [InlineData("version: 1\nqueues: [general, Billing Team]\nrules: []\n", "r.yaml:2: error: queue 'Billing Team' is not a queue id")]
    [InlineData("version: 1\nqueues: [general, general]\nrules: []\n", "r.yaml:2: error: queue 'general' is listed twice")]
    [InlineData("version: 1\ndefault_priority: critical\nrules: []\n", "r.yaml:2: error: unknown priority 'critical'")]
    [InlineData("version: 1\nrequest_phrases: [agent, {a: 1}]\nrules: []\n", "r.yaml:2: error: 'request_phrases' must be a text or a list of texts")]
    [InlineData("version: 1\nrules:\n  - when: { asked_for_person: true }\n    escalate: {}\n", "r.yaml:3: error: the rule has no 'name'")]
    [InlineData(Rule + "    escalate: {}\n  - name: A\n    escalate: {}\n", "r.yaml:6: error: another rule is already named 'A' (line 4)")]
    [InlineData(Rule + "    when: { asked_for_person: true }\n", "r.yaml:4: error: the rule 'a' has no action")]
    [InlineData(Rule + "    escalate: {}\n    answer: true\n", "r.yaml:6: error: the rule 'a' has 2 actions (escalate, answer)")]
    [InlineData(Rule + "    answer: false\n", "r.yaml:5: error: 'answer' can only be true")]
    [InlineData(Rule + "    answer: yes\n", "r.yaml:5: error: 'answer' must be true or false, not the text 'yes'")]
    [InlineData(Rule + "    escalat: {}\n", "r.yaml:5: error: unknown key 'escalat' in a rule (did you mean 'escalate'?)")]
    [InlineData(Rule + "    escalate: { queue: biling }\n", "r.yaml:5: error: unknown queue 'biling' (did you mean 'billing'?)")]
    [InlineData(Rule + "    escalate: { queue: night }\n", "r.yaml:5: error: unknown queue 'night'; the queues are general, billing, vip")]
    [InlineData(Rule + "    escalate: { priority: hihg }\n", "r.yaml:5: error: unknown priority 'hihg' (did you mean 'high'?)")]
    [InlineData(Rule + "    escalate: { queue: vip, priorty: high }\n", "r.yaml:5: error: unknown key 'priorty' in 'escalate' (did you mean 'priority'?)")]
    [InlineData(Rule + "    escalate: vip\n", "r.yaml:5: error: 'escalate' must be a mapping")]
    [InlineData(Rule + "    clarify: { choices: [a] }\n", "r.yaml:5: error: 'clarify' has no 'text'")]
    [InlineData(Rule + "    clarify: { text: Sure?, choices: yes }\n", "r.yaml:5: error: 'choices' must be a list")]
    [InlineData(Rule + "    clarify: { text: Sure?, choices: [{ value: y }] }\n", "r.yaml:5: error: the choice has no 'title'")]
    [InlineData(Rule + "    when: { sentiment_bellow: -0.5 }\n    escalate: {}\n", "r.yaml:5: error: unknown key 'sentiment_bellow' in 'when' (did you mean 'sentiment_below'?)")]
    [InlineData(Rule + "    when: { colour: red }\n    escalate: {}\n", "r.yaml:5: error: unknown key 'colour' in 'when'; known keys: asked_for_person, low_confidence_streak")]
    [InlineData(Rule + "    when: [asked_for_person]\n    escalate: {}\n", "r.yaml:5: error: 'when' must be a mapping")]
    [InlineData(Rule + "    when: { asked_for_person: yes }\n    escalate: {}\n", "r.yaml:5: error: 'asked_for_person' must be true or false")]
    [InlineData(Rule + "    when: { low_confidence_streak: two }\n    escalate: {}\n", "r.yaml:5: error: 'low_confidence_streak' must be a whole number, not the text 'two'")]
    [InlineData(Rule + "    when: { low_confidence_streak: 0 }\n    escalate: {}\n", "r.yaml:5: error: 'low_confidence_streak' must be at least 1, not 0")]
    [InlineData(Rule + "    when: { sentiment_below: -2 }\n    escalate: {}\n", "r.yaml:5: error: 'sentiment_below' must be between -1 and 1, not -2")]
    [InlineData(Rule + "    when: { recent_sentiment_below: low }\n    escalate: {}\n", "r.yaml:5: error: 'recent_sentiment_below' must be a number")]
    [InlineData(Rule + "    when: { amount_over: -5 }\n    escalate: {}\n", "r.yaml:5: error: 'amount_over' must be between 0 and")]
    [InlineData(Rule + "    when: { amount_over: 200 EUR }\n    escalate: {}\n", "r.yaml:5: error: 'amount_over' must be a number")]
    [InlineData(Rule + "    when: { queued_over: -1 }\n    escalate: {}\n", "r.yaml:5: error: 'queued_over' must be at least 0")]
    [InlineData(Rule + "    when: { tier: [] }\n    escalate: {}\n", "r.yaml:5: error: 'tier' is an empty list")]
    [InlineData(Rule + "    when: { intent: [refund*, { a: 1 }] }\n    escalate: {}\n", "r.yaml:5: error: 'intent' must be a text or a list of texts")]
    [InlineData(Rule + "    when: { channel: Web Chat }\n    escalate: {}\n", "r.yaml:5: error: 'Web Chat' is not a channel id")]
    [InlineData(Rule + "    when: { business_hours: maybe }\n    escalate: {}\n", "r.yaml:5: error: 'business_hours' must be open or closed")]
    [InlineData(Rule + "    when: { agents_available: 3 }\n    escalate: {}\n", "r.yaml:5: error: 'agents_available' must be true or false")]
    [InlineData(Rule + "    when: { dialog_requested: sometimes }\n    escalate: {}\n", "r.yaml:5: error: 'dialog_requested' must be true or false")]
    [InlineData(Rule + "    when: { phase: during }\n    escalate: {}\n", "r.yaml:5: error: 'phase' must be before_dialog or after_dialog")]
    [InlineData(Hours + "  weekly: { mon-fri: \"09:00-17:00\" }\n", "r.yaml:3: error: 'business_hours' has no 'time_zone'")]
    [InlineData(Hours + "  time_zone: Europe/Londn\n  weekly: { mon-fri: \"09:00-17:00\" }\n", "r.yaml:4: error: unknown time zone 'Europe/Londn' (did you mean 'Europe/London'?)")]
    [InlineData(Hours + "  time_zone: Mars/Olympus\n  weekly: { mon-fri: \"09:00-17:00\" }\n", "r.yaml:4: error: unknown time zone 'Mars/Olympus'; use an IANA id")]
    [InlineData(Hours + "  time_zone: UTC\n", "r.yaml:3: error: 'business_hours' has no 'weekly' hours")]
    [InlineData(Hours + "  time_zone: UTC\n  weekly: { mon-fri: \"25:00-26:00\" }\n", "r.yaml:5: error: '25:00' is not a time of day")]
    [InlineData(Hours + "  time_zone: UTC\n  weekly: { mon-fri: \"09:60-17:00\" }\n", "r.yaml:5: error: '09:60' is not a time of day")]
    [InlineData(Hours + "  time_zone: UTC\n  weekly: { mon-fri: \"9am-5pm\" }\n", "r.yaml:5: error: '9am' is not a time: write it HH:MM")]
    [InlineData(Hours + "  time_zone: UTC\n  weekly: { mon-fri: \"09:00\" }\n", "r.yaml:5: error: '09:00' is not a time range")]
    [InlineData(Hours + "  time_zone: UTC\n  weekly: { mon-fri: \"17:00-09:00\" }\n", "r.yaml:5: error: '17:00-09:00' ends before it starts")]
    [InlineData(Hours + "  time_zone: UTC\n  weekly: { fri: \"22:00-02:00\" }\n", "hours past midnight are written as two ranges on two days")]
    [InlineData(Hours + "  time_zone: UTC\n  weekly: { fri: \"09:00-09:00\" }\n", "r.yaml:5: error: '09:00-09:00' opens and closes at the same time")]
    [InlineData(Hours + "  time_zone: UTC\n  weekly: { fri: \"24:00-24:00\" }\n", "r.yaml:5: error: a range cannot start at 24:00")]
    [InlineData(Hours + "  time_zone: UTC\n  weekly: { fri: [\"09:00-13:00\", \"12:00-17:00\"] }\n", "r.yaml:5: error: opening hours 09:00-13:00 and 12:00-17:00 overlap")]
    [InlineData(Hours + "  time_zone: UTC\n  weekly: { mon-firday: \"09:00-17:00\" }\n", "r.yaml:5: error: unknown weekday 'firday' (did you mean 'friday'?)")]
    [InlineData(Hours + "  time_zone: UTC\n  weekly: { someday: \"09:00-17:00\" }\n", "r.yaml:5: error: unknown weekday 'someday'")]
    [InlineData(Hours + "  time_zone: UTC\n  weekly:\n    mon-fri: \"09:00-17:00\"\n    mon: \"10:00-12:00\"\n", "r.yaml:7: error: Monday already has hours on line 6")]
    [InlineData(Hours + "  time_zone: UTC\n  weekly: { mon-sun: closed }\n", "r.yaml:5: error: 'weekly' has no opening hours")]
    [InlineData(Hours + "  time_zone: UTC\n  weekly: { mon: \"09:00-17:00\" }\n  closed: [2026-13-01]\n", "r.yaml:6: error: the text '2026-13-01' is not a date")]
    [InlineData(Hours + "  time_zone: UTC\n  weekly: { mon: \"09:00-17:00\" }\n  closed: [25/12/2026]\n", "r.yaml:6: error: the text '25/12/2026' is not a date")]
    [InlineData(Hours + "  time_zone: UTC\n  weekly: { mon: \"09:00-17:00\" }\n  closed: 2026-12-25\n", "r.yaml:6: error: 'closed' must be a list of dates")]
    [InlineData(Hours + "  time_zone: UTC\n  weekly: { mon: \"09:00-17:00\" }\n  holidays: []\n", "r.yaml:6: error: unknown key 'holidays' in 'business_hours'")]
    public void Parse_BadFile_ReportsFileLineError(string yaml, string expected)
    {
        var result = RoutingRulesLoader.Parse(yaml, "r.yaml");

        Assert.Null(result.Rules);
        Assert.False(result.Succeeded);
        Assert.True(
            result.Diagnostics.Any(d => d.ToString().Contains(expected, StringComparison.Ordinal)),
            $"expected '{expected}' among:{Environment.NewLine}{string.Join(Environment.NewLine, result.Diagnostics)}");
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEachInLineOrder()
    {
        var result = RoutingRulesLoader.Parse("""
            version: 1
            queues: [general]
            rules:
              - name: a
                when: { sentiment_below: nope }
                escalate: { queue: vip }
              - name: b
              - name: a
                answer: true
            """, "handoff-rules.yaml");

        Assert.Equal(
            [
                "handoff-rules.yaml:5: error: 'sentiment_below' must be a number (like 200 or -0.5), not the text 'nope'",
                "handoff-rules.yaml:6: error: unknown queue 'vip'; the queues are general (add it to 'queues:')",
                "handoff-rules.yaml:7: error: the rule 'b' has no action: add one of escalate: {}, clarify: { text: ... } or answer: true",
                "handoff-rules.yaml:8: error: another rule is already named 'a' (line 4): rule names must be unique",
            ],
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Parse_AnchorAndAlias_AliasReadsTheAnchoredList()
    {
        var result = RoutingRulesLoader.Parse("""
            version: 1
            queues: [general, vip]
            rules:
              - name: a
                when: { channel: &texting [sms, whatsapp], tier: vip }
                escalate: { queue: vip }
              - name: b
                when: { channel: *texting }
                escalate: {}
            """, "r.yaml");

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal("b", result.Rules!.Evaluate(FactsRow.Parse("before channel=whatsapp")).Rule);
        Assert.Null(result.Rules.Evaluate(FactsRow.Parse("before channel=webchat")).Rule);
    }

    [Fact]
    public void Parse_ValidFile_HasNoDiagnostics()
    {
        var result = RoutingRulesLoader.Parse(Rule + "    escalate: { queue: vip }\n", "r.yaml");

        Assert.True(result.Succeeded);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Load_MissingFile_ReportsTheWholeFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-rules-{Guid.NewGuid():N}.yaml");

        var result = RoutingRulesLoader.Load(path, "handoff-rules.yaml");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(0, diagnostic.Line);
        Assert.StartsWith("handoff-rules.yaml: error: the rules file does not exist", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExistingFile_NamesItAsGiven()
    {
        using var folder = new TempFolder();
        var path = folder.Write("rules.yaml", Rule + "    escalate: {}\n");

        var rules = RoutingRulesLoader.Load(path).Rules!;

        Assert.Equal(path, rules.Source);
        Assert.Equal($"{path}:4", rules.Evaluate(FactsRow.Parse("")).RuleSource);
    }

    [Fact]
    public void Readme_Examples_AreValidAndMatchTheDefaults()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Omnichannel.Bots.sln")))
        {
            folder = folder.Parent;
        }

        var readme = File.ReadAllText(Path.Combine(folder!.FullName, "src", "Omnichannel.Bots.Handoff", "Routing", "README.md"));
        var blocks = readme.Split("```yaml\n").Skip(1).Select(b => b[..b.IndexOf("```", StringComparison.Ordinal)]).ToList();

        var full = RoutingRulesLoader.Parse(blocks[0], "handoff-rules.yaml");
        Assert.True(full.Succeeded, string.Join(Environment.NewLine, full.Diagnostics));
        Assert.Equal(10, full.Rules!.RuleNames.Count);

        var builtIn = RoutingRulesLoader.Parse("version: 1\n" + blocks[1], "built-in.yaml").Rules!;
        Assert.Equal(RoutingRules.Default.RuleNames, builtIn.RuleNames);
        foreach (var row in new[] { "asked", "after dialog=x", "streak=2", "sentiment=-0.7", "sentiment=-0.5", "before dialog=x" })
        {
            var expected = RoutingRules.Default.Evaluate(FactsRow.Parse(row));
            var actual = builtIn.Evaluate(FactsRow.Parse(row));
            Assert.Equal((expected.Rule, expected.Action, expected.Queue, expected.Priority), (actual.Rule, actual.Action, actual.Queue, actual.Priority));
        }
    }
}
