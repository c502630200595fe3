using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Omnichannel.Bots;

/// <summary>
/// Runs one turn of the journey's dialogs: handles an interruption, or resumes the step that was waiting, then
/// moves through steps until one waits for the customer.
/// </summary>
internal sealed partial class DialogRunner
{
    /// <summary>Steps one turn may pass through before the runner decides a dialog loops.</summary>
    private const int MaxTransitionsPerTurn = 64;

    private readonly DialogSet _dialogs;
    private readonly BotOptions _options;
    private readonly TimeZoneInfo _timeZone;
    private readonly bool _canHandOff;
    private readonly ConcurrentDictionary<InterruptionWords, PersonRequestDetector> _personDetectors = new(ReferenceEqualityComparer.Instance);
    private readonly ILogger<DialogRunner> _logger;

    public DialogRunner(DialogSet dialogs, IOptions<BotOptions> options, HandoffProvider? handoff, ILogger<DialogRunner> logger)
    {
        _dialogs = dialogs;
        _options = options.Value;
        _timeZone = TimeZoneInfo.FindSystemTimeZoneById(_options.TimeZone);
        _canHandOff = handoff is not null;
        _logger = logger;
    }

    public string RootDialogId => _dialogs.Root.Id;

    public async Task RunAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var stack = DialogStack.Load(turn.DialogStateJson, _dialogs, _logger);
        var input = CreateInput(turn);
        var progress = new TurnProgress();
        var words = _options.Interruptions.WordsFor(turn.Channel);
        var interruption = turn.Message.Value is null
            ? InterruptionMatcher.Match(turn.Message.Text, words, _personDetectors.GetOrAdd(words, w => new PersonRequestDetector(w.Agent)))
            : null;
        if (interruption is { } requested)
        {
            await InterruptAsync(requested, stack, turn, input, progress, cancellationToken).ConfigureAwait(false);
        }
        else if (stack.IsEmpty)
        {
            await BeginRootAsync(stack, turn, input, progress, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var action = stack.Top.Restarted ? StepAction.Enter : StepAction.Resume;
            if (action == StepAction.Resume && turn.SwitchedChannel)
            {
                await SayWhereTheyLeftOffAsync(stack.Top, turn, input, progress, cancellationToken).ConfigureAwait(false);
            }

            await DriveAsync(stack, turn, input, progress, action, cancellationToken).ConfigureAwait(false);
        }

        if (!_canHandOff && turn.Handoff is not null && interruption != Interruption.Agent)
        {
            // A dialog's own handoff with nobody to take it: the conversation stays with the bot, which says so.
            LogNoHandoffProvider(_logger, stack.IsEmpty ? _dialogs.Root.Id : stack.Top.Dialog.Id);
            turn.ClearHandoff();
            await turn.ReplyAsync(_options.Texts.NoPerson, cancellationToken).ConfigureAwait(false);
        }

        turn.DialogStateJson = stack.Save(_dialogs.StateJson);
        turn.Insights = turn.Insights with { Dialog = stack.Position() };
    }

    /// <summary>
    /// The customer came back on another channel while a question waited: one sentence on where they left off, and a
    /// message that does not answer the question gets it again (rendered for this channel) instead of a failed attempt.
    /// </summary>
    private async Task SayWhereTheyLeftOffAsync(DialogFrame top, TurnContext turn, PromptInput input, TurnProgress progress, CancellationToken cancellationToken)
    {
        var context = new StepContext(turn, top, _options.Texts, input, progress);
        if (top.Dialog.Definition.Get(top.Step).WaitingQuestion(context) is not { } question || turn.PreviousChannel is not { } previous)
        {
            return;
        }

        progress.ContinuingOnNewChannel = true;
        var sentence = _options.Texts.ContinuedFromChannel
            .Replace("{channel}", previous.DisplayName, StringComparison.Ordinal)
            .Replace("{question}", question, StringComparison.Ordinal);
        await turn.ReplyAsync(sentence, cancellationToken).ConfigureAwait(false);
    }

    private Task BeginRootAsync(DialogStack stack, TurnContext turn, PromptInput input, TurnProgress progress, CancellationToken cancellationToken)
    {
        stack.Begin(_dialogs.Root);
        return DriveAsync(stack, turn, input, progress, StepAction.Enter, cancellationToken);
    }

    private async Task InterruptAsync(Interruption interruption, DialogStack stack, TurnContext turn, PromptInput input, TurnProgress progress, CancellationToken cancellationToken)
    {
        var texts = _options.Texts;

        // The interruption itself is the answer to nothing.
        progress.MessageConsumed = true;
        switch (interruption)
        {
            case Interruption.Help:
                await turn.ReplyAsync(stack.IsEmpty ? texts.Help : stack.Top.Dialog.HelpText ?? texts.Help, cancellationToken).ConfigureAwait(false);
                if (!stack.IsEmpty)
                {
                    var top = stack.Top;
                    await top.Dialog.Definition.Get(top.Step).RepromptAsync(new StepContext(turn, top, texts, input, progress), cancellationToken).ConfigureAwait(false);
                }

                break;
            case Interruption.Cancel:
                await turn.ReplyAsync(texts.Cancelled, cancellationToken).ConfigureAwait(false);
                if (stack.IsEmpty)
                {
                    await BeginRootAsync(stack, turn, input, progress, cancellationToken).ConfigureAwait(false);
                    break;
                }

                stack.PopToRoot();
                stack.Root.MoveTo(stack.Root.Dialog.Definition.First.Name);
                await DriveAsync(stack, turn, input, progress, StepAction.Enter, cancellationToken).ConfigureAwait(false);
                break;
            case Interruption.StartOver:
                await turn.ReplyAsync(texts.StartingOver, cancellationToken).ConfigureAwait(false);
                stack.Clear();
                await BeginRootAsync(stack, turn, input, progress, cancellationToken).ConfigureAwait(false);
                break;
            case Interruption.Agent when !_canHandOff:
                // Nobody to hand to: say so and carry on where the customer was (or begin, on a first message).
                turn.Insights = turn.Insights with { AskedForPerson = true };
                await turn.ReplyAsync(texts.NoPerson, cancellationToken).ConfigureAwait(false);
                if (stack.IsEmpty)
                {
                    await BeginRootAsync(stack, turn, input, progress, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var top = stack.Top;
                    await top.Dialog.Definition.Get(top.Step).RepromptAsync(new StepContext(turn, top, texts, input, progress), cancellationToken).ConfigureAwait(false);
                }

                break;
            case Interruption.Agent:
                turn.Insights = turn.Insights with { AskedForPerson = true };
                await turn.HandoffAsync("The customer asked for a person.", cancellationToken).ConfigureAwait(false);
                await turn.ReplyAsync(texts.Handoff, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task DriveAsync(DialogStack stack, TurnContext turn, PromptInput input, TurnProgress progress, StepAction action, CancellationToken cancellationToken)
    {
        object? endedState = null;
        var childCompleted = false;
        for (var transition = 0; transition < MaxTransitionsPerTurn; transition++)
        {
            var frame = stack.Top;
            var definition = frame.Dialog.Definition;
            var step = definition.Get(frame.Step);
            var context = new StepContext(turn, frame, _options.Texts, input, progress);
            var result = action switch
            {
                StepAction.Enter => await step.EnterAsync(context, cancellationToken).ConfigureAwait(false),
                StepAction.Resume => await step.ResumeAsync(context, cancellationToken).ConfigureAwait(false),
                _ => step.ChildEnded(context, endedState!, childCompleted),
            };

            switch (result.Kind)
            {
                case StepResultKind.Wait:
                    return;
                case StepResultKind.Next when definition.After(frame.Step) is { } next:
                    frame.MoveTo(next.Name);
                    action = StepAction.Enter;
                    break;
                case StepResultKind.GoTo:
                    frame.MoveTo(definition.Get(result.Target!).Name);
                    action = StepAction.Enter;
                    break;
                case StepResultKind.Begin:
                    stack.Begin(_dialogs.Resolve(result));
                    action = StepAction.Enter;
                    break;
                default:
                    // End, Abandon, or Next after the last step: this dialog is over.
                    var ended = stack.End();
                    if (stack.IsEmpty)
                    {
                        return;
                    }

                    endedState = ended.State;
                    childCompleted = result.Kind != StepResultKind.Abandon;
                    action = StepAction.ChildEnded;
                    break;
            }
        }

        throw new InvalidOperationException(
            $"Dialog '{stack.Top.Dialog.Id}' passed through {MaxTransitionsPerTurn} steps in one turn without waiting for the customer; a step probably loops with GoTo.");
    }

    private PromptInput CreateInput(TurnContext turn)
    {
        var localNow = TimeZoneInfo.ConvertTime(turn.Time.GetUtcNow(), _timeZone);
        return new PromptInput(turn.Message.Text, turn.Message.Value, turn.Culture, DateOnly.FromDateTime(localNow.DateTime), _options.DefaultPhoneRegion);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dialog '{DialogId}' handed a conversation off, but the bot has no handoff (add it with AddHandoff()); the bot told the customer and keeps the conversation.")]
    private static partial void LogNoHandoffProvider(ILogger logger, string dialogId);

    private enum StepAction
    {
        Enter,
        Resume,
        ChildEnded,
    }
}
