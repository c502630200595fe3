namespace Omnichannel.Bots;

/// <summary>What a customer can say at any step, whatever the dialog is asking.</summary>
public enum Interruption
{
    /// <summary>Explain what the bot can do, then ask the current question again.</summary>
    Help,

    /// <summary>Stop what is under way and go back to the start of the main dialog (its state is kept).</summary>
    Cancel,

    /// <summary>Forget the journey's dialog state and begin again.</summary>
    StartOver,

    /// <summary>Hand the conversation to a person; the dialog resumes where it was when the bot gets it back.</summary>
    Agent,
}
