namespace Omnichannel.Bots;

/// <summary>Declares the slots of a form step, in the order they are asked for.</summary>
public sealed class FormSlots<TState>
    where TState : class
{
    private readonly List<FormSlot<TState>> _slots = [];

    /// <summary>
    /// A slot filled by <paramref name="prompt"/>: from any message while the form is active (using the prompt's
    /// recognizer), or by asking the prompt's question when it is still missing. <paramref name="isFilled"/> skips the
    /// slot when the state already knows the value (say, an email from the customer's profile).
    /// </summary>
    public FormSlots<TState> Slot<T>(string name, Prompt<T> prompt, Action<TState, T> assign, Func<TState, bool>? isFilled = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return Slot(name, _ => prompt, assign, isFilled);
    }

    /// <summary>
    /// Like <see cref="Slot{T}(string, Prompt{T}, Action{TState, T}, Func{TState, bool})"/>, with the prompt built from
    /// the step's context each time the slot is read or asked: the state, the turn, and
    /// <see cref="DialogContext{TState}.Today"/> (today in the bot's time zone) for rules about dates.
    /// </summary>
    public FormSlots<TState> Slot<T>(string name, Func<DialogContext<TState>, Prompt<T>> prompt, Action<TState, T> assign, Func<TState, bool>? isFilled = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(assign);
        _slots.Add(new FormSlot<TState, T>(name, prompt, assign, isFilled));
        return this;
    }

    internal IReadOnlyList<FormSlot<TState>> Build(string dialogId, string stepName)
    {
        if (_slots.Count == 0)
        {
            throw new DialogDefinitionException($"Dialog '{dialogId}': form '{stepName}' declares no slots.");
        }

        foreach (var slot in _slots)
        {
            if (!DialogIds.IsValid(slot.Name))
            {
                throw new DialogDefinitionException($"Dialog '{dialogId}': form '{stepName}' slot name '{slot.Name}' must be 1 to 64 letters, digits, '-', '_' or '.'.");
            }
        }

        var duplicate = _slots.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DialogDefinitionException($"Dialog '{dialogId}': form '{stepName}' declares slot '{duplicate.Key}' twice.");
        }

        return [.. _slots];
    }
}
