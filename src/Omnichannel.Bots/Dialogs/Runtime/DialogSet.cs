using System.Text.Json;

namespace Omnichannel.Bots;

/// <summary>
/// The bot's dialogs by id and by type, and which one a journey begins with. Built once at start-up; every dialog is
/// declared then, so a mistake in a definition stops the host with a clear message instead of surfacing mid-chat.
/// </summary>
internal sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, Dialog> _byType = [];

    public DialogSet(IEnumerable<Dialog> dialogs, Type rootDialogType)
    {
        foreach (var dialog in dialogs)
        {
            if (!_byId.TryAdd(dialog.Id, dialog))
            {
                if (ReferenceEquals(_byId[dialog.Id], dialog) || _byId[dialog.Id].GetType() == dialog.GetType())
                {
                    continue;
                }

                throw new DialogDefinitionException($"Two dialogs have the id '{dialog.Id}': {_byId[dialog.Id].GetType().Name} and {dialog.GetType().Name}.");
            }

            _byType[dialog.GetType()] = dialog;
        }

        Root = _byType.TryGetValue(rootDialogType, out var root)
            ? root
            : throw new DialogDefinitionException($"The root dialog {rootDialogType.Name} is not registered.");
        foreach (var dialog in _byId.Values)
        {
            CheckChildren(dialog.Definition);
        }
    }

    public Dialog Root { get; }

    public JsonSerializerOptions StateJson { get; } = new(JsonSerializerDefaults.Web);

    public bool TryGet(string id, out Dialog dialog) => _byId.TryGetValue(id, out dialog!);

    public Dialog Resolve(StepResult begin) => begin switch
    {
        { DialogType: { } type } => _byType.TryGetValue(type, out var byType)
            ? byType
            : throw new DialogDefinitionException($"Dialog {type.Name} is not registered; add it with AddDialog<{type.Name}>()."),
        { Target: { } id } => _byId.TryGetValue(id, out var byId)
            ? byId
            : throw new DialogDefinitionException($"No dialog has the id '{id}'."),
        _ => throw new DialogDefinitionException("Begin names no dialog."),
    };

    private void CheckChildren(DialogDefinition definition)
    {
        foreach (var step in definition.Steps)
        {
            if (step is IChildStep child && !_byType.ContainsKey(child.DialogType))
            {
                throw new DialogDefinitionException(
                    $"Dialog '{definition.DialogId}' step '{step.Name}' begins {child.DialogType.Name}, which is not registered; add it with AddDialog<{child.DialogType.Name}>().");
            }
        }
    }
}
