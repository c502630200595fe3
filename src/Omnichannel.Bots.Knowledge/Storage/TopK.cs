namespace Omnichannel.Bots.Knowledge;

/// <summary>Selects the indexes of the k largest scores (best first) with a bounded min-heap.</summary>
internal static class TopK
{
    public static int[] Select(ReadOnlySpan<float> scores, int k, Func<int, bool>? include = null)
    {
        if (k <= 0 || scores.Length == 0)
        {
            return [];
        }

        var heap = new PriorityQueue<int, (float Score, int NegIndex)>(k + 1);
        for (var i = 0; i < scores.Length; i++)
        {
            if (float.IsNegativeInfinity(scores[i]) || (include is not null && !include(i)))
            {
                continue;
            }

            if (heap.Count < k)
            {
                heap.Enqueue(i, (scores[i], -i));
            }
            else if (heap.TryPeek(out _, out var lowest) && (scores[i] > lowest.Score))
            {
                heap.EnqueueDequeue(i, (scores[i], -i));
            }
        }

        var result = new int[heap.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            result[i] = heap.Dequeue();
        }

        return result;
    }
}
