namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Calibrates a knowledge base from its own example questions by k-fold cross-validation. Each held-out question is
/// asked against the articles built from the other folds twice: with its article (label: was the top-1 right?) and
/// with its article left out (an out-of-scope stand-in: the right decision is always to decline). A logistic model of
/// (top score, margin to the next) gives the confidence; the threshold maximises the accuracy of
/// answer-when-right / decline-when-wrong-or-out-of-scope, with out-of-scope questions weighted by their expected share
/// of traffic (<see cref="KnowledgeSearchOptions.ExpectedOutOfScopeShare"/>); the clarify margin is the one under which asking
/// "which one?" rescues more wrong answers than it delays right ones. Each fold also trains its own
/// <see cref="LinearClassifier"/> on the other folds' texts (the held-out classifier feature), and the base's classifier
/// trained on all its texts is carried in the calibration when its learned weight is above 0.
/// </summary>
internal static class Calibrator
{
    /// <summary>Above this many (articles × texts) no classifier is trained (its training cost grows with both).</summary>
    private const long ClassifierBudget = 4_000_000;

    public static KnowledgeCalibration Calibrate(string[] articleIds, IReadOnlyList<ArticleMember> members, KnowledgeSearchOptions options, CancellationToken cancellationToken)
    {
        var articles = articleIds.Length;
        var questions = Enumerable.Range(0, members.Count).Where(m => members[m].IsQuestion).ToList();
        if (questions.Count < options.MinCalibrationQuestions || articles < 2)
        {
            return KnowledgeCalibration.Default with
            {
                Threshold = Math.Max(KnowledgeCalibration.Default.Threshold, options.MinimumThreshold),
                Weights = options.Weights,
            };
        }

        // Held-out features are kept for every article, so the sample shrinks for very large bases (memory, time).
        var budget = Math.Max(options.MinCalibrationQuestions, 4_000_000 / Math.Max(1, articles));
        var random = new Random(options.Seed);
        var sample = questions.OrderBy(_ => random.Next()).Take(Math.Min(options.MaxCalibrationQuestions, budget)).ToArray();
        var folds = Math.Clamp(options.Folds, 2, sample.Length);
        var useClassifier = (options.LearnWeights || options.Weights.Classifier > 0) && (long)articles * members.Count <= ClassifierBudget;

        // The folds are independent (and so is the classifier of the whole base): they run in parallel, each into its own
        // slot, and are concatenated in fold order, so the result does not depend on the scheduling.
        var perFold = new List<(ArticleScores Scores, int Article)>[folds];
        LinearClassifier? fullClassifier = null;
        try
        {
            Parallel.For(0, folds + (useClassifier ? 1 : 0), new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, fold =>
            {
                if (fold == folds)
                {
                    fullClassifier = LinearClassifier.Train(members, articleIds, options.Seed, cancellationToken);
                    return;
                }

                var held = new HashSet<int>();
                for (var i = fold; i < sample.Length; i += folds)
                {
                    held.Add(sample[i]);
                }

                var training = members.Where((_, m) => !held.Contains(m)).ToList();
                var model = ArticleModel.Build(articles, training);
                var classifier = useClassifier ? LinearClassifier.Train(training, articleIds, options.Seed + fold + 1, cancellationToken) : null;
                perFold[fold] = held.Select(m => (model.Score(members[m].Terms, members[m].Vector, options.Weights, null, classifier), members[m].Article)).ToList();
            });
        }
        catch (AggregateException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        var heldOut = perFold.SelectMany(f => f).ToList();
        var weights = options.LearnWeights ? LearnWeights(heldOut, options.Weights, useClassifier, cancellationToken) : options.Weights;
        var finalClassifier = weights.Classifier > 0 ? fullClassifier : null;
        var inScope = new List<(double Score, double Margin, double Relative, bool Correct, bool SecondCorrect)>();
        var outOfScope = new List<(double Score, double Margin, double OwnRelative, bool OwnInTopTwo)>();
        var total = new float[articles];
        foreach (var (scores, article) in heldOut)
        {
            scores.Combine(weights, total);
            var (first, second, _) = Top3(total, exclude: -1);
            var margin = total[first] - Value(total, second);
            var relative = RelativeMargin(total[first], Value(total, second));
            inScope.Add((total[first], margin, relative, first == article, second == article));
            var (other, otherSecond, _) = Top3(total, exclude: article);
            if (other >= 0)
            {
                outOfScope.Add((total[other], total[other] - Value(total, otherSecond), relative, first == article || second == article));
            }
        }

        // Clarify margin: asking "which one?" rescues a wrong top-1 whose runner-up is right, and costs a right top-1 one
        // extra click (counted half).
        var clarifyMargin = options.MinimumClarifyMargin;
        var bestGain = 0.0;
        foreach (var candidate in inScope.Where(s => !s.Correct && s.SecondCorrect && s.Relative <= options.MaximumClarifyMargin).Select(s => s.Relative).Order())
        {
            var gain = inScope.Count(s => s.Relative <= candidate && !s.Correct && s.SecondCorrect) - (0.5 * inScope.Count(s => s.Relative <= candidate && s.Correct));
            if (gain > bestGain)
            {
                (bestGain, clarifyMargin) = (gain, Math.Max(candidate, options.MinimumClarifyMargin));
            }
        }

        // Right = the bot answers or offers the right article. A left-out article whose runner-up was a near tie has a
        // near-duplicate, so its question is no out-of-scope stand-in: those samples are dropped.
        var positives = inScope.Select(s => (s.Score, s.Margin, Right: s.Correct || (s.SecondCorrect && s.Relative <= clarifyMargin))).ToList();
        var negatives = outOfScope.Where(s => !(s.OwnInTopTwo && s.OwnRelative <= clarifyMargin)).Select(s => (s.Score, s.Margin)).ToList();
        var (scoreWeight, marginWeight, bias) = FitLogistic(positives.Select(s => (s.Score, s.Margin, s.Right)).Concat(negatives.Select(s => (s.Score, s.Margin, false))).ToList());
        var calibration = new KnowledgeCalibration(0.5, clarifyMargin, scoreWeight, marginWeight, bias, inScope.Count) { Weights = weights, Classifier = finalClassifier };
        var best = (Accuracy: -1.0, Threshold: 0.5);
        for (var t = 0.05; t < 0.96; t += 0.01)
        {
            var right = positives.Count(s => (calibration.Confidence(s.Score, s.Margin) >= t) == s.Right);
            var declined = negatives.Count(s => calibration.Confidence(s.Score, s.Margin) < t);
            var share = negatives.Count == 0 ? 0 : options.ExpectedOutOfScopeShare;
            var accuracy = ((1 - share) * right / positives.Count) + (negatives.Count == 0 ? 0 : share * declined / negatives.Count);
            if (accuracy > best.Accuracy + 1e-9)
            {
                best = (accuracy, t);
            }
        }

        return calibration with { Threshold = Math.Max(Math.Round(best.Threshold, 2), options.MinimumThreshold) };
    }

    /// <summary>
    /// Coordinate ascent on held-out top-1 (MRR breaks ties): each weight in turn tries a few values with the others
    /// fixed; two rounds. Only the ranking of the held-out questions matters, so this costs no re-indexing.
    /// </summary>
    private static KnowledgeFusionWeights LearnWeights(List<(ArticleScores Scores, int Article)> heldOut, KnowledgeFusionWeights start, bool classifier, CancellationToken cancellationToken)
    {
        double[] values = [0, 0.25, 0.5, 0.75, 1, 1.5, 2];
        var current = start;
        var best = Evaluate(heldOut, current);
        for (var round = 0; round < 2; round++)
        {
            for (var coordinate = 1; coordinate < (classifier ? 6 : 5); coordinate++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var value in coordinate == 5 ? [0, 0.5, 1, 1.5, 2, 3, 4, 6] : values)
                {
                    var candidate = coordinate switch
                    {
                        1 => current with { Character = value },
                        2 => current with { DenseCentroid = value },
                        3 => current with { DenseNearest = value },
                        5 => current with { Classifier = value },
                        _ => current with { WordNearest = value },
                    };
                    var score = Evaluate(heldOut, candidate);
                    if (score > best + 1e-9)
                    {
                        (best, current) = (score, candidate);
                    }
                }
            }
        }

        return current;
    }

    /// <summary>Held-out top-1 count plus a small share of MRR (the word weight stays fixed: the scale is free).</summary>
    private static double Evaluate(List<(ArticleScores Scores, int Article)> heldOut, KnowledgeFusionWeights weights)
    {
        double result = 0;
        var total = heldOut.Count == 0 ? [] : new float[heldOut[0].Scores.Total.Length];
        foreach (var (scores, article) in heldOut)
        {
            scores.Combine(weights, total);
            var own = total[article];
            var rank = 0;
            for (var a = 0; a < total.Length; a++)
            {
                rank += total[a] > own ? 1 : 0;
            }

            result += (rank == 0 ? 1 : 0) + (0.1 / (rank + 1));
        }

        return result;
    }

    /// <summary>The best three articles (indexes, -1 when missing), skipping <paramref name="exclude"/> and masked ones.</summary>
    internal static (int First, int Second, int Third) Top3(float[] total, int exclude)
    {
        int first = -1, second = -1, third = -1;
        for (var a = 0; a < total.Length; a++)
        {
            if (a == exclude || float.IsNegativeInfinity(total[a]))
            {
                continue;
            }

            if (first < 0 || total[a] > total[first])
            {
                (first, second, third) = (a, first, second);
            }
            else if (second < 0 || total[a] > total[second])
            {
                (second, third) = (a, second);
            }
            else if (third < 0 || total[a] > total[third])
            {
                third = a;
            }
        }

        return (first, second, third);
    }

    internal static double Value(float[] total, int index) => index < 0 ? 0 : total[index];

    /// <summary>How far apart the top two scores are, as a fraction of the top score (what the clarify margin applies to).</summary>
    internal static double RelativeMargin(double first, double second) => first <= 0 ? 0 : Math.Max(0, (first - second) / first);

    /// <summary>Logistic regression on (score, margin) by projected gradient descent on standardised features, classes balanced.</summary>
    private static (double ScoreWeight, double MarginWeight, double Bias) FitLogistic(List<(double Score, double Margin, bool Label)> samples)
    {
        var positives = samples.Count(s => s.Label);
        var negatives = samples.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            var d = KnowledgeCalibration.Default;
            return (d.ScoreWeight, d.MarginWeight, d.Bias);
        }

        var meanS = samples.Average(s => s.Score);
        var meanM = samples.Average(s => s.Margin);
        var sdS = Math.Max(1e-6, Math.Sqrt(samples.Average(s => (s.Score - meanS) * (s.Score - meanS))));
        var sdM = Math.Max(1e-6, Math.Sqrt(samples.Average(s => (s.Margin - meanM) * (s.Margin - meanM))));
        var wPos = 0.5 / positives;
        var wNeg = 0.5 / negatives;
        double w1 = 0, w2 = 0, b = 0;
        for (var iteration = 0; iteration < 300; iteration++)
        {
            double g1 = 0, g2 = 0, gb = 0;
            foreach (var s in samples)
            {
                var x1 = (s.Score - meanS) / sdS;
                var x2 = (s.Margin - meanM) / sdM;
                var p = 1 / (1 + Math.Exp(-((w1 * x1) + (w2 * x2) + b)));
                var error = (p - (s.Label ? 1 : 0)) * (s.Label ? wPos : wNeg);
                g1 += error * x1;
                g2 += error * x2;
                gb += error;
            }

            const double rate = 2.0;
            const double l2 = 1e-3;
            // Projected onto non-negative weights: a higher score or a wider margin never lowers the confidence.
            w1 = Math.Max(0, w1 - (rate * (g1 + (l2 * w1))));
            w2 = Math.Max(0, w2 - (rate * (g2 + (l2 * w2))));
            b -= rate * gb;
        }

        if (w1 == 0 && w2 == 0)
        {
            // Nothing separates right from wrong in this base's questions: keep the defaults rather than a flat 0.5.
            var d = KnowledgeCalibration.Default;
            return (d.ScoreWeight, d.MarginWeight, d.Bias);
        }

        var scoreWeight = w1 / sdS;
        var marginWeight = w2 / sdM;
        return (scoreWeight, marginWeight, b - (scoreWeight * meanS) - (marginWeight * meanM));
    }
}
