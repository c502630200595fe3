using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// A WordPiece tokenizer with BERT's own basic tokenization (as in the original BERT and Hugging Face's
/// <c>BasicTokenizer</c>): text splits at white space and around every punctuation character, where punctuation is
/// every ASCII non-alphanumeric symbol (<c>$ + = &gt; &lt; ^ ` | ~</c> included) and every Unicode P* character; other
/// symbols (<c>€ £</c>) stay part of their word. Uncased vocabularies also lower-case and strip accents (NFD, non-spacing
/// marks removed), as those models were trained. Microsoft.ML.Tokenizers' default pre-tokenizer (<c>\w+|\p{P}</c>)
/// dropped the symbols instead, and kept accents, turning accented words into [UNK].
/// </summary>
internal static partial class BertBasicTokenization
{
    /// <summary>Reads the vocabulary (one piece per line) from <paramref name="vocab"/> (not disposed).</summary>
    public static BertTokenizer Create(Stream vocab, bool lowerCase) =>
        BertTokenizer.Create(vocab, new BertOptions
        {
            LowerCaseBeforeTokenization = lowerCase,
            RemoveNonSpacingMarks = lowerCase,
            ApplyBasicTokenization = true,
            IndividuallyTokenizeCjk = true,
            PreTokenizer = new RegexPreTokenizer(Words(), specialTokens: null),
        });

    /// <summary>One punctuation character, or a run of characters that are neither white space nor punctuation.</summary>
    [GeneratedRegex(@"[!-/:-@\[-`{-~\p{P}]|[^\s!-/:-@\[-`{-~\p{P}\p{Cc}\p{Cf}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
