namespace Omnichannel.Bots;

/// <summary>A dialog's steps, by order and by name.</summary>
internal sealed class DialogDefinition
{
    private readonly Dictionary<string, int> _indexByName;

    public DialogDefinition(string dialogId, IReadOnlyList<DialogStep> steps)
    {
        DialogId = dialogId;
        Steps = steps;
        _indexByName = steps.Select((step, index) => (step.Name, index)).ToDictionary(p => p.Name, p => p.index, StringComparer.Ordinal);
    }

    public string DialogId { get; }

    public IReadOnlyList<DialogStep> Steps { get; }

    public DialogStep First => Steps[0];

    public bool TryGet(string name, out DialogStep step)
    {
        if (_indexByName.TryGetValue(name, out var index))
        {
            step = Steps[index];
            return true;
        }

        step = null!;
        return false;
    }

    public DialogStep Get(string name) => TryGet(name, out var step)
        ? step
        : throw new DialogDefinitionException($"Dialog '{DialogId}' has no step '{name}'.");

    /// <summary>The step after <paramref name="name"/>, or null after the last.</summary>
    public DialogStep? After(string name)
    {
        var index = _indexByName[name] + 1;
        return index < Steps.Count ? Steps[index] : null;
    }
}
