namespace Omnichannel.Bots.Knowledge;

/// <summary>The kinds of term <see cref="LexicalAnalyzer"/> emits; the kind is part of each term's hash.</summary>
public enum LexicalTermKind
{
    /// <summary>A word (lower-cased, diacritics removed, apostrophes dropped).</summary>
    Word,

    /// <summary>Two adjacent words.</summary>
    Bigram,

    /// <summary>A character n-gram of a word padded with '_' at both ends (so prefixes and suffixes are distinct).</summary>
    CharacterNGram,
}
