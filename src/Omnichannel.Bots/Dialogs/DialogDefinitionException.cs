namespace Omnichannel.Bots;

/// <summary>A dialog is declared wrongly (duplicate step names, an unknown step in GoTo, an unregistered child dialog).</summary>
public sealed class DialogDefinitionException : Exception
{
    public DialogDefinitionException(string message)
        : base(message)
    {
    }
}
