using Omnichannel.Bots.Knowledge;

namespace Benchmarks;

/// <summary>
/// A plain TF-IDF index for the baselines: sublinear tf × smoothed idf over <see cref="LexicalAnalyzer"/> terms, the
/// word(+bigram) and character blocks each L2-normalised (so a dot product is the mean of the two cosines, ×2).
/// Items are either single texts or centroids of several texts.
/// </summary>
public sealed class TfIdfIndex
{
    private readonly Dictionary<uint, float> _idf = [];
    private readonly Dictionary<uint, List<(int Item, float Weight)>> _postings = [];
    private readonly int _items;

    public TfIdfIndex(IReadOnlyList<IReadOnlyList<string>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var analyzed = items.Select(texts => texts.Select(LexicalAnalyzer.Default.Analyze).ToList()).ToList();
        var documents = analyzed.Sum(a => a.Count);
        var df = new Dictionary<uint, int>();
        foreach (var terms in analyzed.SelectMany(a => a))
        {
            foreach (var id in terms.Ids)
            {
                df[id] = df.GetValueOrDefault(id) + 1;
            }
        }

        foreach (var (id, count) in df)
        {
            _idf[id] = (float)(Math.Log((documents + 1.0) / (count + 1.0)) + 1.0);
        }

        _items = items.Count;
        for (var i = 0; i < analyzed.Count; i++)
        {
            var sum = new Dictionary<uint, (float Weight, bool Character)>();
            foreach (var terms in analyzed[i])
            {
                foreach (var (id, weight, character) in Vectorize(terms))
                {
                    sum[id] = (sum.GetValueOrDefault(id).Weight + weight, character);
                }
            }

            var wordNorm = Math.Sqrt(sum.Values.Where(v => !v.Character).Sum(v => (double)v.Weight * v.Weight));
            var charNorm = Math.Sqrt(sum.Values.Where(v => v.Character).Sum(v => (double)v.Weight * v.Weight));
            foreach (var (id, (weight, character)) in sum)
            {
                if (!_postings.TryGetValue(id, out var list))
                {
                    _postings[id] = list = [];
                }

                list.Add((i, (float)(weight / (character ? charNorm : wordNorm))));
            }
        }
    }

    public float[] Scores(string query)
    {
        var scores = new float[_items];
        foreach (var (id, weight, _) in Vectorize(LexicalAnalyzer.Default.Analyze(query)))
        {
            if (_postings.TryGetValue(id, out var list))
            {
                foreach (var (item, itemWeight) in list)
                {
                    scores[item] += weight * itemWeight;
                }
            }
        }

        return scores;
    }

    private List<(uint Id, float Weight, bool Character)> Vectorize(LexicalTerms terms)
    {
        var result = new List<(uint, float, bool)>(terms.Count);
        double wordNorm = 0, charNorm = 0;
        for (var t = 0; t < terms.Count; t++)
        {
            if (_idf.TryGetValue(terms.Ids[t], out var idf))
            {
                var character = terms.Kinds[t] == LexicalTermKind.CharacterNGram;
                var weight = (float)((1 + Math.Log(terms.Frequencies[t])) * idf);
                result.Add((terms.Ids[t], weight, character));
                if (character)
                {
                    charNorm += weight * weight;
                }
                else
                {
                    wordNorm += weight * weight;
                }
            }
        }

        return result.Select(r => (r.Item1, (float)(r.Item2 / Math.Sqrt(r.Item3 ? charNorm : wordNorm)), r.Item3)).ToList();
    }
}
