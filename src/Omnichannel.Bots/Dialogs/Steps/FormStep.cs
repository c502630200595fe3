namespace Omnichannel.Bots;

/// <summary>
/// Fills slots in any order. On entering, the message that reached the form is searched for every slot; after that
/// each answer is read first as the answer to the slot asked, then searched for the others. Only the missing slots
/// are asked, in declaration order.
/// </summary>
internal sealed class FormStep<TState> : DialogStep
    where TState : class
{
    private readonly IReadOnlyList<FormSlot<TState>> _slots;

    public FormStep(string name, IReadOnlyList<FormSlot<TState>> slots)
        : base(name)
    {
        _slots = slots;
    }

    public override async Task<StepResult> EnterAsync(StepContext context, CancellationToken cancellationToken)
    {
        var reasons = new List<string>();
        await ExtractAsync(context, context.Input.Text ?? string.Empty, skip: null, reasons, cancellationToken).ConfigureAwait(false);
        return await AskNextAsync(context, reasons, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<StepResult> ResumeAsync(StepContext context, CancellationToken cancellationToken)
    {
        context.Progress.MessageConsumed = true;
        var frame = context.Frame;
        var asked = _slots.FirstOrDefault(s => s.Name == frame.Slot && !s.IsFilled(frame));
        var text = context.Input.Text ?? string.Empty;
        var progressed = false;
        string? answerReason = null;
        if (asked is not null)
        {
            var answer = await asked.AnswerAsync(context, cancellationToken).ConfigureAwait(false);
            if (answer.Filled)
            {
                progressed = true;
                SlotActivity.NoteGiven(context.Turn, asked.Name);
                text = answer.UsedSpans.Count == 0 ? string.Empty : Mask(text, answer.UsedSpans);
            }
            else
            {
                answerReason = answer.Reason;
            }
        }

        var reasons = new List<string>();
        var skip = progressed ? null : asked;
        progressed |= await ExtractAsync(context, text, skip, reasons, cancellationToken).ConfigureAwait(false);
        if (!progressed && asked is not null)
        {
            return await asked.FailAsync(context, answerReason ?? reasons.FirstOrDefault() ?? context.Texts.NotUnderstood, cancellationToken).ConfigureAwait(false);
        }

        return await AskNextAsync(context, reasons, cancellationToken).ConfigureAwait(false);
    }

    public override string? WaitingQuestion(StepContext context) =>
        _slots.FirstOrDefault(s => s.Name == context.Frame.Slot && !s.IsFilled(context.Frame))?.Question(context);

    public override Task RepromptAsync(StepContext context, CancellationToken cancellationToken)
    {
        var asked = _slots.FirstOrDefault(s => s.Name == context.Frame.Slot);
        return asked?.AskAsync(context, reason: null, cancellationToken) ?? Task.CompletedTask;
    }

    private async Task<bool> ExtractAsync(StepContext context, string text, FormSlot<TState>? skip, List<string> reasons, CancellationToken cancellationToken)
    {
        var filledAny = false;
        foreach (var slot in _slots)
        {
            if (slot == skip || slot.IsFilled(context.Frame) || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var result = await slot.ExtractAsync(context, text, cancellationToken).ConfigureAwait(false);
            if (result.Filled)
            {
                filledAny = true;
                SlotActivity.NoteGiven(context.Turn, slot.Name);
                text = Mask(text, result.UsedSpans);
            }
            else if (result.Reason is not null)
            {
                reasons.Add(result.Reason);
            }
        }

        return filledAny;
    }

    private async Task<StepResult> AskNextAsync(StepContext context, List<string> reasons, CancellationToken cancellationToken)
    {
        var frame = context.Frame;
        var next = _slots.FirstOrDefault(s => !s.IsFilled(frame));
        if (next is null)
        {
            return StepResult.Next;
        }

        if (next.Name != frame.Slot)
        {
            frame.Attempts = 0;
            frame.Slot = next.Name;
        }

        SlotActivity.NoteAsked(context.Turn, next.Name);
        await next.AskAsync(context, reasons.Count == 0 ? null : string.Join(" ", reasons), cancellationToken).ConfigureAwait(false);
        return StepResult.Wait;
    }

    private static string Mask(string text, IReadOnlyList<Range> spans)
    {
        var chars = text.ToCharArray();
        foreach (var span in spans)
        {
            var (offset, length) = span.GetOffsetAndLength(chars.Length);
            Array.Fill(chars, ' ', offset, length);
        }

        return new string(chars);
    }
}
