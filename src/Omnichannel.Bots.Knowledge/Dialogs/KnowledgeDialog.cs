using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Answers the customer's message from the knowledge base, composed for the channel, and ends: the dialog that began
/// it continues, and learns how it went from <see cref="KnowledgeState.Outcome"/> (begin it with
/// <c>steps.Child&lt;KnowledgeDialog, KnowledgeState&gt;("faq", (s, k) =&gt; s.Faq = k.Outcome)</c>). The message may be a
/// tapped option of an earlier reply (an article, answered without searching, or "Talk to a person") or a question;
/// a message with no question is asked for one first. The options a reply offers stay the conversation's offered
/// choices after the dialog ends, so "2" on SMS in the next turn still picks one: route it here again (a menu made
/// with <see cref="KnowledgePromptExtensions.OrQuestion"/> recognizes them). Questions the knowledge base declines
/// count in a row across visits (the state is kept with the journey); at
/// <see cref="KnowledgeDialogOptions.DeclinesBeforeHandoff"/> a person takes over. When the knowledge base fails, the
/// customer gets an apology and a person is offered. Add it with <c>bot.AddKnowledgeAnswers()</c>.
/// </summary>
public sealed partial class KnowledgeDialog : Dialog<KnowledgeState>
{
    private const string AnswerStep = "answer";

    private readonly IKnowledgeBase _knowledge;
    private readonly KnowledgeDialogOptions _options;
    private readonly KnowledgeReplyComposer _composer;
    private readonly ILogger<KnowledgeDialog> _logger;

    public KnowledgeDialog(IKnowledgeBase knowledge, IOptions<KnowledgeDialogOptions> options, ILogger<KnowledgeDialog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _knowledge = knowledge ?? throw new ArgumentNullException(nameof(knowledge));
        _options = options.Value;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _composer = new KnowledgeReplyComposer(_options.Texts) { MaxRelated = _options.MaxRelated, MaxTopics = _options.MaxTopics };
    }

    public override string? HelpText => _options.Texts.Help;

    /// <summary>True: the count of declined questions in a row outlives one visit.</summary>
    public override bool KeepsStateBetweenVisits => true;

    protected override void Define(DialogSteps<KnowledgeState> steps) => steps
        .Step(AnswerStep, AnswerAsync)
        .Step("question", (_, _) => Task.FromResult(StepResult.GoTo(AnswerStep)));

    private async Task<StepResult> AnswerAsync(DialogContext<KnowledgeState> d, CancellationToken cancellationToken)
    {
        var turn = d.Turn;
        var texts = _options.Texts;
        if (KnowledgeChoices.IsPerson(turn.Message.Value))
        {
            await HandOffAsync(d, "The customer asked for a person after a knowledge answer.", texts.Handoff, cancellationToken).ConfigureAwait(false);
            return StepResult.End;
        }

        var reply = await ComposeAsync(turn, cancellationToken).ConfigureAwait(false);
        switch (reply?.Kind)
        {
            case null:
                // No question in the message: ask for one; the next message is answered.
                d.State.Outcome = KnowledgeOutcome.None;
                await d.ReplyAsync(texts.AskForQuestion, cancellationToken).ConfigureAwait(false);
                return StepResult.Wait;
            case KnowledgeReplyKind.Answer:
                d.State.Declines = 0;
                d.State.LastArticleId = reply.ArticleId;
                d.State.Outcome = KnowledgeOutcome.Answered;
                break;
            case KnowledgeReplyKind.Clarify:
                d.State.Outcome = KnowledgeOutcome.Clarified;
                break;
            case KnowledgeReplyKind.Decline:
                d.State.Declines++;
                d.State.Outcome = KnowledgeOutcome.NotAnswered;
                if (d.State.Declines >= _options.DeclinesBeforeHandoff)
                {
                    var count = d.State.Declines;
                    var reason = string.Create(
                        CultureInfo.InvariantCulture,
                        $"The knowledge base had no confident answer to {count} questions in a row.");
                    await HandOffAsync(d, reason, texts.StillNotSure + " " + texts.Handoff, cancellationToken).ConfigureAwait(false);
                    return StepResult.End;
                }

                break;
            default:
                d.State.Outcome = KnowledgeOutcome.Unavailable;
                break;
        }

        await turn.ReplyAsync(turn.CreateReply(reply.Text) with { Choices = reply.Choices, FullTextUrl = reply.FullTextUrl }, cancellationToken).ConfigureAwait(false);
        return StepResult.End;
    }

    /// <summary>The reply to the message: a tapped article, or the knowledge base's answer; null when there is no question.</summary>
    private async Task<KnowledgeReply?> ComposeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var message = turn.Message;
        try
        {
            if (KnowledgeChoices.TryGetArticleId(message.Value, out var id) && _knowledge.FindArticle(id) is { } article)
            {
                turn.Insights = turn.Insights with { Intent = new Handoff.PacketIntent(article.Id, null) };
                return _composer.ComposeArticle(article, turn.Channel, _knowledge.FindArticle);
            }

            var question = message.Text?.Trim();
            if (string.IsNullOrEmpty(question))
            {
                return null;
            }

            var answer = await _knowledge.AskAsync(question, FilterFor(turn), cancellationToken).ConfigureAwait(false);
            RecordInsights(turn, answer);
            return _composer.Compose(answer, turn.Channel, _knowledge.FindArticle);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogKnowledgeFailed(_logger, turn.Channel.Channel.Value, ex);
            return _composer.ComposeUnavailable();
        }
    }

    /// <summary>Records the attempt for routing rules and the handoff packet: answered or not, the confidence, the articles considered.</summary>
    private static void RecordInsights(TurnContext turn, KnowledgeAnswer answer)
    {
        var sources = answer.Matches
            .Take(3)
            .Select(m => new Handoff.AnswerSource(m.Article.Id, m.Article.Title, Math.Round(m.Confidence, 4)))
            .ToList();
        var best = answer.Best;
        var answered = answer.Decision == KnowledgeDecision.Answer && best is not null;
        turn.Insights = turn.Insights with
        {
            Knowledge = new KnowledgeAttempt(answered, best is null ? null : Math.Round(best.Confidence, 4), sources),
            Intent = answered ? new Handoff.PacketIntent(best!.Article.Id, Math.Round(best.Confidence, 4)) : turn.Insights.Intent,
        };
    }

    private KnowledgeFilter FilterFor(TurnContext turn) => new()
    {
        Locale = string.IsNullOrEmpty(turn.Culture.Name) ? null : turn.Culture.Name,
        Channel = turn.Channel.Channel.Value,
        Tags = [.. _options.Tags],
    };

    private static async Task HandOffAsync(DialogContext<KnowledgeState> d, string reason, string text, CancellationToken cancellationToken)
    {
        d.State.Declines = 0;
        d.State.Outcome = KnowledgeOutcome.HandedOff;
        await d.Turn.HandoffAsync(reason, cancellationToken).ConfigureAwait(false);
        await d.ReplyAsync(text, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The knowledge base could not answer a question on {Channel}; the customer was offered a person.")]
    private static partial void LogKnowledgeFailed(ILogger logger, string channel, Exception exception);
}
