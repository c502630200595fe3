using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Omnichannel.Bots;

/// <summary>
/// The dialogs active in one customer's journey, root first, saved as JSON after every turn. Loading tolerates a
/// redeploy: a step that no longer exists restarts its dialog, a dialog that no longer exists ends with its children,
/// and unreadable state starts fresh (each logged), so an old conversation never breaks the bot. Beside the frames it
/// keeps the last state of each ended dialog that keeps its state between visits (<see cref="Dialog.KeepsStateBetweenVisits"/>).
/// </summary>
internal sealed partial class DialogStack
{
    private const int FormatVersion = 1;
    private readonly List<DialogFrame> _frames = [];
    private readonly Dictionary<string, (Dialog Dialog, object State)> _kept = new(StringComparer.Ordinal);

    public bool IsEmpty => _frames.Count == 0;

    public int Count => _frames.Count;

    public DialogFrame Top => _frames[^1];

    public DialogFrame Root => _frames[0];

    public void Push(DialogFrame frame) => _frames.Add(frame);

    public DialogFrame Pop()
    {
        var top = Top;
        _frames.RemoveAt(_frames.Count - 1);
        return top;
    }

    /// <summary>Drops every frame above the root.</summary>
    public void PopToRoot() => _frames.RemoveRange(1, _frames.Count - 1);

    /// <summary>Drops every frame and every kept state.</summary>
    public void Clear()
    {
        _frames.Clear();
        _kept.Clear();
    }

    /// <summary>A new frame for <paramref name="dialog"/> at its first step, with its kept state if it has one.</summary>
    public DialogFrame Begin(Dialog dialog)
    {
        var state = dialog.KeepsStateBetweenVisits && _kept.Remove(dialog.Id, out var kept) ? kept.State : dialog.CreateState();
        var frame = new DialogFrame(dialog, dialog.Definition.First.Name, state);
        Push(frame);
        return frame;
    }

    /// <summary>Pops the top frame; a dialog that keeps its state between visits leaves it here for its next visit.</summary>
    public DialogFrame End()
    {
        var ended = Pop();
        if (ended.Dialog.KeepsStateBetweenVisits)
        {
            _kept[ended.Dialog.Id] = (ended.Dialog, ended.State);
        }

        return ended;
    }

    /// <summary>Where the customer is: the top dialog and step, with the dialogs below it (outermost first); null when empty.</summary>
    public Handoff.PacketDialogPosition? Position() => IsEmpty
        ? null
        : new Handoff.PacketDialogPosition(Top.Dialog.Id, Top.Step) { Stack = [.. _frames.Select(f => f.Dialog.Id)] };

    public static DialogStack Load(string? json, DialogSet dialogs, ILogger logger)
    {
        var stack = new DialogStack();
        if (string.IsNullOrEmpty(json))
        {
            return stack;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.TryGetProperty("kept", out var kept))
            {
                foreach (var entry in kept.EnumerateObject())
                {
                    // A dialog that is gone, or no longer keeps its state, forgets it; unreadable kept state is forgotten too.
                    if (dialogs.TryGet(entry.Name, out var keeper) && keeper.KeepsStateBetweenVisits)
                    {
                        try
                        {
                            stack._kept[keeper.Id] = (keeper, keeper.DeserializeState(entry.Value, dialogs.StateJson));
                        }
                        catch (JsonException ex)
                        {
                            LogStateUnreadable(logger, keeper.Id, ex);
                        }
                    }
                }
            }

            foreach (var element in document.RootElement.GetProperty("frames").EnumerateArray())
            {
                if (!TryLoadFrame(element, dialogs, logger, out var frame))
                {
                    break;
                }

                stack.Push(frame);
                if (frame.Restarted)
                {
                    // Its child dialogs were begun from a step that no longer exists.
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or NotSupportedException)
        {
            LogUnreadableStack(logger, ex);
            stack.Clear();
        }

        return stack;
    }

    /// <summary>The stack as JSON, or null when no dialog is active and none kept its state.</summary>
    public string? Save(JsonSerializerOptions stateJson)
    {
        if (IsEmpty && _kept.Count == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", FormatVersion);
            writer.WriteStartArray("frames");
            foreach (var frame in _frames)
            {
                WriteFrame(writer, frame, stateJson);
            }

            writer.WriteEndArray();
            if (_kept.Count > 0)
            {
                writer.WriteStartObject("kept");
                foreach (var (id, kept) in _kept.OrderBy(k => k.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(id);
                    JsonSerializer.Serialize(writer, kept.State, kept.Dialog.StateType, stateJson);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteFrame(Utf8JsonWriter writer, DialogFrame frame, JsonSerializerOptions stateJson)
    {
        writer.WriteStartObject();
        writer.WriteString("dialog", frame.Dialog.Id);
        writer.WriteString("step", frame.Step);
        writer.WriteNumber("attempts", frame.Attempts);
        if (frame.Slot is not null)
        {
            writer.WriteString("slot", frame.Slot);
        }

        if (frame.FilledSlots.Count > 0)
        {
            writer.WriteStartArray("filled");
            frame.FilledSlots.ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
        }

        writer.WritePropertyName("state");
        JsonSerializer.Serialize(writer, frame.State, frame.Dialog.StateType, stateJson);
        writer.WriteEndObject();
    }

    private static bool TryLoadFrame(JsonElement element, DialogSet dialogs, ILogger logger, out DialogFrame frame)
    {
        frame = null!;
        var dialogId = element.GetProperty("dialog").GetString() ?? string.Empty;
        if (!dialogs.TryGet(dialogId, out var dialog))
        {
            LogDialogGone(logger, dialogId);
            return false;
        }

        object state;
        try
        {
            state = dialog.DeserializeState(element.GetProperty("state"), dialogs.StateJson);
        }
        catch (JsonException ex)
        {
            LogStateUnreadable(logger, dialogId, ex);
            state = dialog.CreateState();
        }

        var step = element.GetProperty("step").GetString() ?? string.Empty;
        if (!dialog.Definition.TryGet(step, out _))
        {
            LogStepGone(logger, dialogId, step);
            frame = new DialogFrame(dialog, dialog.Definition.First.Name, state) { Restarted = true };
            return true;
        }

        frame = new DialogFrame(dialog, step, state)
        {
            Attempts = element.TryGetProperty("attempts", out var attempts) ? attempts.GetInt32() : 0,
            Slot = element.TryGetProperty("slot", out var slot) ? slot.GetString() : null,
        };
        if (element.TryGetProperty("filled", out var filled))
        {
            frame.FilledSlots.AddRange(filled.EnumerateArray().Select(f => f.GetString() ?? string.Empty));
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A journey's dialog state could not be read; the journey starts afresh.")]
    private static partial void LogUnreadableStack(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saved dialog '{DialogId}' no longer exists; it and its child dialogs end.")]
    private static partial void LogDialogGone(ILogger logger, string dialogId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saved state of dialog '{DialogId}' no longer fits its state type; it starts with fresh state.")]
    private static partial void LogStateUnreadable(ILogger logger, string dialogId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saved step '{Step}' of dialog '{DialogId}' no longer exists; the dialog restarts at its first step.")]
    private static partial void LogStepGone(ILogger logger, string dialogId, string step);
}
