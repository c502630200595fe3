namespace Omnichannel.Bots;

/// <summary>Which registered dialog journeys begin with.</summary>
internal sealed record RootDialogType(Type Type);
