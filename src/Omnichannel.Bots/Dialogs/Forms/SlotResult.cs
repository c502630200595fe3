namespace Omnichannel.Bots;

/// <summary>
/// What reading one slot found: filled (with the text spans it used; none means the whole message), or a reason a
/// value was found but refused (told to the customer), or nothing.
/// </summary>
internal readonly record struct SlotResult(bool Filled, IReadOnlyList<Range> UsedSpans, string? Reason)
{
    public static SlotResult Nothing { get; } = new(false, [], null);

    public static SlotResult Refused(string reason) => new(false, [], reason);

    public static SlotResult FilledFrom(IReadOnlyList<Range> spans) => new(true, spans, null);
}
