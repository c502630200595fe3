namespace Omnichannel.Bots;

internal enum StepResultKind
{
    Next,
    Wait,
    End,
    GoTo,
    Begin,

    /// <summary>The dialog gave up (a prompt ran out of attempts); the parent continues as if it ended.</summary>
    Abandon,
}
