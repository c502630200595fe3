using Omnichannel.Bots.Handoff.Routing;

namespace Omnichannel.Bots.Handoff.Tests.Routing;

public sealed class RoutingRulesEvaluationTests
{
    // Line numbers matter: RuleSource points at each rule's 'name' line.
    private const string Yaml = """
        version: 1
        queues: [general, vip, billing, night]
        default_priority: normal
        request_phrases: [speak to someone]
        rules:
          - name: sms-exempt
            when: { channel: [sms, console], tier: exempt }
            answer: true
          - name: vip-asks-for-person
            when: { asked_for_person: true, tier: [vip, gold] }
            escalate: { queue: vip, priority: high }
          - name: after-hours-person
            when: { asked_for_person: true, business_hours: closed }
            escalate: { queue: night, priority: low }
          - name: asked-agents-free
            when: { asked_for_person: true, agents_available: true }
            escalate: {}
          - name: asked-nobody-free
            when: { asked_for_person: true, agents_available: false }
            clarify: { text: "No one is free right now. Leave a message?", choices: [Leave a message, { title: "No thanks", value: no }] }
          - name: asked
            when: { asked_for_person: true }
            escalate: { priority: normal }
          - name: big-refund
            when: { intent: [refund*, "returns/*"], amount_over: 200 }
            escalate: { queue: billing, priority: high }
          - name: angry
            when: { sentiment_below: -0.6 }
            escalate: { priority: urgent }
          - name: unhappy
            when: { recent_sentiment_below: -0.3 }
            clarify: { text: "I'm sorry this is frustrating. Would you like a person to help?", choices: ["Talk to a person", "Keep going"] }
          - name: busy-and-lost
            when: { low_confidence_streak: 3, queued_over: 10 }
            clarify: { text: "Could you put it another way?" }
          - name: low-confidence
            when: { low_confidence_streak: 2 }
            escalate: {}
          - name: dialog-asked
            when: { dialog_requested: true }
            escalate: { queue: general }
          - name: whatsapp-after-dialog-open
            when: { channel: whatsapp, phase: after_dialog, business_hours: open, dialog_requested: false, intent: "order/*" }
            clarify: { text: "Anything else about your order?" }
        """;

    private static readonly RoutingRules Rules = RoutingRulesLoader.Parse(Yaml, "handoff-rules.yaml").Rules
        ?? throw new InvalidOperationException("the fixture must be valid");

    [Theory]
    // facts | rule ('-': none) | action | queue | priority | a 'because' line
    [InlineData("", "-", RoutingAction.Answer, null, HandoffPriority.Normal, null)]
    [InlineData("after", "-", RoutingAction.Answer, null, HandoffPriority.Normal, null)]
    [InlineData("asked", "asked", RoutingAction.Escalate, "general", HandoffPriority.Normal, "the customer asked for a person")]
    [InlineData("after asked", "asked", RoutingAction.Escalate, "general", HandoffPriority.Normal, "the customer asked for a person")]
    [InlineData("asked tier=vip", "vip-asks-for-person", RoutingAction.Escalate, "vip", HandoffPriority.High, "tier is vip")]
    [InlineData("asked tier=VIP", "vip-asks-for-person", RoutingAction.Escalate, "vip", HandoffPriority.High, "tier is VIP")]
    [InlineData("asked tier=gold", "vip-asks-for-person", RoutingAction.Escalate, "vip", HandoffPriority.High, "tier is gold")]
    [InlineData("asked tier=silver", "asked", RoutingAction.Escalate, "general", HandoffPriority.Normal, "the customer asked for a person")]
    [InlineData("tier=vip", "-", RoutingAction.Answer, null, HandoffPriority.Normal, null)]
    [InlineData("asked tier=vip closed", "vip-asks-for-person", RoutingAction.Escalate, "vip", HandoffPriority.High, "the customer asked for a person")]
    [InlineData("asked closed", "after-hours-person", RoutingAction.Escalate, "night", HandoffPriority.Low, "it is outside business hours")]
    [InlineData("asked agents=2", "asked-agents-free", RoutingAction.Escalate, "general", HandoffPriority.Normal, "2 agent(s) available")]
    [InlineData("asked agents=0", "asked-nobody-free", RoutingAction.Clarify, null, HandoffPriority.Normal, "no agent is available")]
    [InlineData("asked channel=sms tier=exempt", "sms-exempt", RoutingAction.Answer, null, HandoffPriority.Normal, "channel is sms")]
    [InlineData("asked channel=console tier=Exempt", "sms-exempt", RoutingAction.Answer, null, HandoffPriority.Normal, "tier is Exempt")]
    [InlineData("asked channel=whatsapp tier=exempt", "asked", RoutingAction.Escalate, "general", HandoffPriority.Normal, "the customer asked for a person")]
    [InlineData("after intent=refund amounts=250", "big-refund", RoutingAction.Escalate, "billing", HandoffPriority.High, "amount 250 is over 200")]
    [InlineData("after intent=Refund.Large amounts=50,250.5", "big-refund", RoutingAction.Escalate, "billing", HandoffPriority.High, "intent Refund.Large matches refund*")]
    [InlineData("after intent=returns/damaged amounts=201", "big-refund", RoutingAction.Escalate, "billing", HandoffPriority.High, "intent returns/damaged matches returns/*")]
    [InlineData("after intent=refund amounts=200", "-", RoutingAction.Answer, null, HandoffPriority.Normal, null)]
    [InlineData("after intent=refund", "-", RoutingAction.Answer, null, HandoffPriority.Normal, null)]
    [InlineData("after intent=returns amounts=500", "-", RoutingAction.Answer, null, HandoffPriority.Normal, null)]
    [InlineData("after intent=prefund amounts=500", "-", RoutingAction.Answer, null, HandoffPriority.Normal, null)]
    [InlineData("before intent=refund amounts=250", "-", RoutingAction.Answer, null, HandoffPriority.Normal, null)]
    [InlineData("sentiment=-0.72", "angry", RoutingAction.Escalate, "general", HandoffPriority.Urgent, "sentiment -0.72 is below -0.6")]
    [InlineData("after sentiment=-0.9", "angry", RoutingAction.Escalate, "general", HandoffPriority.Urgent, "sentiment -0.9 is below -0.6")]
    [InlineData("sentiment=-0.6", "-", RoutingAction.Answer, null, HandoffPriority.Normal, null)]
    [InlineData("sentiment=-0.5 recent=-0.41", "unhappy", RoutingAction.Clarify, null, HandoffPriority.Normal, "recent sentiment -0.41 (last three messages) is below -0.3")]
    [InlineData("recent=-0.3", "-", RoutingAction.Answer, null, HandoffPriority.Normal, null)]
    [InlineData("streak=1", "-", RoutingAction.Answer, null, HandoffPriority.Normal, null)]
    [InlineData("streak=2", "low-confidence", RoutingAction.Escalate, "general", HandoffPriority.Normal, "2 low-confidence answers in a row (at least 2)")]
    [InlineData("after streak=4", "low-confidence", RoutingAction.Escalate, "general", HandoffPriority.Normal, "4 low-confidence answers in a row (at least 2)")]
    [InlineData("streak=3 queued=11", "busy-and-lost", RoutingAction.Clarify, null, HandoffPriority.Normal, "11 conversations queued (over 10)")]
    [InlineData("streak=3 queued=10", "low-confidence", RoutingAction.Escalate, "general", HandoffPriority.Normal, "3 low-confidence answers in a row (at least 2)")]
    [InlineData("after dialog=order-lookup-failed", "dialog-asked", RoutingAction.Escalate, "general", HandoffPriority.Normal, "the dialog asked for a person (order-lookup-failed)")]
    [InlineData("after dialog", "dialog-asked", RoutingAction.Escalate, "general", HandoffPriority.Normal, "the dialog asked for a person")]
    [InlineData("before dialog=x", "-", RoutingAction.Answer, null, HandoffPriority.Normal, null)]
    [InlineData("after channel=whatsapp intent=order/status", "whatsapp-after-dialog-open", RoutingAction.Clarify, null, HandoffPriority.Normal, "after the dialog")]
    [InlineData("after channel=whatsapp intent=order/status closed", "-", RoutingAction.Answer, null, HandoffPriority.Normal, null)]
    [InlineData("after channel=telegram intent=order/status", "-", RoutingAction.Answer, null, HandoffPriority.Normal, null)]
    [InlineData("before channel=whatsapp intent=order/status", "-", RoutingAction.Answer, null, HandoffPriority.Normal, null)]
    [InlineData("after channel=whatsapp intent=order/status dialog", "dialog-asked", RoutingAction.Escalate, "general", HandoffPriority.Normal, "the dialog asked for a person")]
    [InlineData("asked sentiment=-0.9 streak=5", "asked", RoutingAction.Escalate, "general", HandoffPriority.Normal, "the customer asked for a person")]
    [InlineData("sentiment=-0.9 recent=-0.9 streak=5", "angry", RoutingAction.Escalate, "general", HandoffPriority.Urgent, "sentiment -0.9 is below -0.6")]
    public void Evaluate_Row_GivesExpectedDecision(string facts, string rule, RoutingAction action, string? queue, HandoffPriority priority, string? because)
    {
        var decision = Rules.Evaluate(FactsRow.Parse(facts));

        Assert.Equal(rule == "-" ? null : rule, decision.Rule);
        Assert.Equal(action, decision.Action);
        Assert.Equal(queue, decision.Queue);
        Assert.Equal(priority, decision.Priority);
        if (because is null)
        {
            Assert.Empty(decision.Because);
        }
        else
        {
            Assert.Contains(because, decision.Because);
        }
    }

    [Theory]
    [InlineData("asked", "handoff-rules.yaml:21")]
    [InlineData("after intent=refund amounts=250", "handoff-rules.yaml:24")]
    [InlineData("asked channel=sms tier=exempt", "handoff-rules.yaml:6")]
    public void Evaluate_Match_RuleSourceIsTheNameLine(string facts, string source)
    {
        var decision = Rules.Evaluate(FactsRow.Parse(facts));

        Assert.Equal(source, decision.RuleSource);
        Assert.EndsWith($"name: {decision.Rule}", Yaml.Split('\n')[int.Parse(source.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture) - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AllConditionsHeld_BecauseListsEachInOrder()
    {
        var decision = Rules.Evaluate(FactsRow.Parse("after intent=refund.partial amounts=10,300,250"));

        Assert.Equal(["intent refund.partial matches refund*", "amount 300 is over 200"], decision.Because);
    }

    [Fact]
    public void Evaluate_Clarify_CarriesTextAndChoices()
    {
        var decision = Rules.Evaluate(FactsRow.Parse("asked agents=0"));

        Assert.Equal("No one is free right now. Leave a message?", decision.ClarifyText);
        Assert.Equal([new Choice("Leave a message"), new Choice("no", "No thanks")], decision.ClarifyChoices);
    }

    [Fact]
    public void Parse_RequestPhrasesAndQueues_AreKept()
    {
        Assert.Equal(["speak to someone"], Rules.RequestPhrases);
        Assert.Equal("general", Rules.DefaultQueue);
        Assert.Equal(["general", "vip", "billing", "night"], Rules.Queues);
        Assert.Equal("handoff-rules.yaml", Rules.Source);
        Assert.Equal(13, Rules.RuleNames.Count);
    }

    [Fact]
    public void Evaluate_RuleWithoutWhen_AlwaysMatches()
    {
        var rules = RoutingRulesLoader.Parse("""
            version: 1
            default_priority: high
            rules:
              - name: everyone
                escalate: {}
            """, "r.yaml").Rules!;

        var decision = rules.Evaluate(FactsRow.Parse(""));

        Assert.Equal(("everyone", "general", HandoffPriority.High), (decision.Rule, decision.Queue, decision.Priority));
        Assert.Equal(["the rule has no conditions"], decision.Because);
    }

    [Fact]
    public void Evaluate_EmptyRules_Answers()
    {
        var rules = RoutingRulesLoader.Parse("version: 1\nrules: []\n", "r.yaml").Rules!;

        Assert.Same(RoutingDecision.Answer, rules.Evaluate(FactsRow.Parse("asked sentiment=-1")));
    }

    [Theory]
    [InlineData("asked", "asked-for-person", HandoffPriority.Normal)]
    [InlineData("after dialog=x", "dialog-requested", HandoffPriority.Normal)]
    [InlineData("before dialog=x", "-", HandoffPriority.Normal)]
    [InlineData("streak=2", "low-confidence", HandoffPriority.Normal)]
    [InlineData("streak=1", "-", HandoffPriority.Normal)]
    [InlineData("sentiment=-0.61", "angry", HandoffPriority.High)]
    [InlineData("sentiment=-0.59 recent=-0.9 tier=vip closed agents=0", "-", HandoffPriority.Normal)]
    public void Default_Row_GivesExpectedDecision(string facts, string rule, HandoffPriority priority)
    {
        var decision = RoutingRules.Default.Evaluate(FactsRow.Parse(facts));

        Assert.Equal(rule == "-" ? null : rule, decision.Rule);
        Assert.Equal(rule == "-" ? RoutingAction.Answer : RoutingAction.Escalate, decision.Action);
        Assert.Equal(rule == "-" ? null : "general", decision.Queue);
        Assert.Equal(priority, decision.Priority);
        Assert.Equal(rule == "-" ? null : RoutingRules.BuiltInSource, decision.RuleSource);
    }

    [Fact]
    public void Default_Shape_IsTheDocumentedOne()
    {
        Assert.Null(RoutingRules.Default.Source);
        Assert.Equal(["general"], RoutingRules.Default.Queues);
        Assert.Equal(["asked-for-person", "dialog-requested", "low-confidence", "angry"], RoutingRules.Default.RuleNames);
        Assert.Same(BusinessHours.Always, RoutingRules.Default.Hours);
    }

    [Theory]
    [InlineData("refund*", "refund", true)]
    [InlineData("refund*", "REFUND.large", true)]
    [InlineData("refund*", "prefund", false)]
    [InlineData("*refund", "prefund", true)]
    [InlineData("*refund", "refunds", false)]
    [InlineData("*fund", "prefund", true)]
    [InlineData("returns/*", "returns/", true)]
    [InlineData("returns/*", "returns", false)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyy", false)]
    [InlineData("order", "order", true)]
    [InlineData("order", "orders", false)]
    [InlineData("*", "", true)]
    public void GlobMatches_Pattern_MatchesAsDocumented(string pattern, string text, bool expected)
    {
        Assert.Equal(expected, RuleText.GlobMatches(pattern, text));
    }
}
