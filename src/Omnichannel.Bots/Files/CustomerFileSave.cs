namespace Omnichannel.Bots.Files;

/// <summary>What became of a save: the saved file, or why it was refused (over the conversation's quota or the size limit).</summary>
public sealed record CustomerFileSave(CustomerFile? File, string? Refusal)
{
    public bool Saved => File is not null;
}
