namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// What <see cref="WordTokenizer"/> does with a word followed by an apostrophe and letters ("don't", "i'm",
/// "customer's", "o'clock"). GloVe's vocabulary as packaged by wink has no "n't"/"'s" tokens, only joined forms such
/// as "dont" and "im".
/// </summary>
internal enum ContractionHandling
{
    /// <summary>
    /// Expand English contractions into words ("don't" → do not, "can't" → can not, "won't" → will not, "i'm" → i am,
    /// "'re" → are, "'ve" → have, "'ll" → will, "'d" → would); "'s" is dropped (possessive or "is"); anything else is
    /// joined when the joined form is a known word ("o'clock" → oclock if known), else split.
    /// </summary>
    Expand = 0,

    /// <summary>Join the parts into one word ("don't" → dont, "i'm" → im) when known, else split.</summary>
    Join = 1,

    /// <summary>Split at the apostrophe ("don't" → don, t).</summary>
    Split = 2,
}
