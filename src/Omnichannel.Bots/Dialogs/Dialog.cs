using System.Text.Json;

namespace Omnichannel.Bots;

/// <summary>
/// A code-first dialog: named steps that run on every channel. Derive from <see cref="Dialog{TState}"/>.
/// The id and the step names are what the journey's saved state refers to, so keep them stable across releases.
/// </summary>
public abstract class Dialog
{
    private readonly Lazy<DialogDefinition> _definition;

    private protected Dialog(string? id)
    {
        Id = id ?? DialogIds.FromTypeName(GetType().Name);
        if (!DialogIds.IsValid(Id))
        {
            throw new DialogDefinitionException($"Dialog id '{Id}' must be 1 to 64 letters, digits, '-', '_' or '.'.");
        }

        _definition = new Lazy<DialogDefinition>(Build);
    }

    /// <summary>The dialog's stable id, by default its type name in kebab case without "Dialog" (SupportDialog: "support").</summary>
    public string Id { get; }

    /// <summary>What the bot says when the customer asks for help inside this dialog; null uses the bot's general help.</summary>
    public virtual string? HelpText => null;

    /// <summary>
    /// When true, the dialog's state outlives one visit: when the dialog ends it is kept with the customer's journey,
    /// and the next time the dialog begins it starts with that state instead of a fresh one (the knowledge dialog keeps
    /// its count of unanswered questions in a row this way). "Start over" forgets it. Default false.
    /// </summary>
    public virtual bool KeepsStateBetweenVisits => false;

    internal DialogDefinition Definition => _definition.Value;

    internal abstract object CreateState();

    internal abstract object DeserializeState(JsonElement json, JsonSerializerOptions options);

    internal abstract Type StateType { get; }

    private protected abstract DialogDefinition Build();
}
