namespace Omnichannel.Bots;

/// <summary>A step that begins a child dialog of a known type (checked at start-up).</summary>
internal interface IChildStep
{
    Type DialogType { get; }
}
