namespace Omnichannel.Bots;

/// <summary>A step that <c>.When(...)</c> can make conditional on the dialog's state.</summary>
internal interface IConditionalStep<TState>
    where TState : class
{
    Func<TState, bool>? Ask { get; set; }
}
