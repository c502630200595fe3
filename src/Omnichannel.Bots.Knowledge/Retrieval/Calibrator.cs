namespace Omnichannel.Bots.Knowledge;

/// <summary>
/// Calibrates a knowledge base from its own example questions by k-fold cross-validation. Each held-out question is
/// asked against the articles built from the other folds twice: with its article (label: was the top-1 right?) and
/// with its article left out (an out-of-scope stand-in: the right decision is always to decline). A logistic model of
/// (top score, margin to the next) gives the confidence; the threshold maximises balanced accuracy of
/// answer-when-right / decline-when-wrong-or-out-of-scope; the clarify margin is the one under which asking
/// "which one?" rescues more wrong answers than it delays right ones.
/// </summary>
internal static class Calibrator
{
    public static KnowledgeCalibration Calibrate(int articles, IReadOnlyList<ArticleMember> members, KnowledgeSearchOptions options, CancellationToken cancellationToken)
    {
        var questions = Enumerable.Range(0, members.Count).Where(m => members[m].IsQuestion).ToList();
        if (questions.Count < options.MinCalibrationQuestions || articles < 2)
        {
            return KnowledgeCalibration.Default with { Threshold = Math.Max(KnowledgeCalibration.Default.Threshold, options.MinimumThreshold) };
        }

        var random = new Random(options.Seed);
        var sample = questions.OrderBy(_ => random.Next()).Take(options.MaxCalibrationQuestions).ToArray();
        var folds = Math.Clamp(options.Folds, 2, sample.Length);
        var inScope = new List<(double Score, double Margin, bool Correct, bool SecondCorrect)>();
        var outOfScope = new List<(double Score, double Margin)>();
        for (var fold = 0; fold < folds; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var held = new HashSet<int>();
            for (var i = fold; i < sample.Length; i += folds)
            {
                held.Add(sample[i]);
            }

            var model = ArticleModel.Build(articles, members.Where((_, m) => !held.Contains(m)).ToList());
            foreach (var m in held)
            {
                var member = members[m];
                var total = model.Score(member.Terms, member.Vector, options.Weights, null).Total;
                var (first, second, third) = Top3(total, exclude: -1);
                inScope.Add((total[first], total[first] - Value(total, second), first == member.Article, second == member.Article));
                var (other, otherSecond, _) = Top3(total, exclude: member.Article);
                if (other >= 0)
                {
                    outOfScope.Add((total[other], total[other] - Value(total, otherSecond)));
                }

                _ = third;
            }
        }

        var (scoreWeight, marginWeight, bias) = FitLogistic(inScope.Select(s => (s.Score, s.Margin, s.Correct)).Concat(outOfScope.Select(s => (s.Score, s.Margin, false))).ToList());
        var calibration = new KnowledgeCalibration(0.5, options.MinimumClarifyMargin, scoreWeight, marginWeight, bias, inScope.Count);
        var best = (Accuracy: -1.0, Threshold: 0.5);
        for (var t = 0.05; t < 0.96; t += 0.01)
        {
            var right = inScope.Count(s => (calibration.Confidence(s.Score, s.Margin) >= t) == s.Correct);
            var declined = outOfScope.Count(s => calibration.Confidence(s.Score, s.Margin) < t);
            var accuracy = (0.5 * right / inScope.Count) + (outOfScope.Count == 0 ? 0.5 : 0.5 * declined / outOfScope.Count);
            if (accuracy > best.Accuracy + 1e-9)
            {
                best = (accuracy, t);
            }
        }

        var margin = options.MinimumClarifyMargin;
        var bestGain = 0;
        foreach (var candidate in inScope.Where(s => !s.Correct && s.SecondCorrect).Select(s => s.Margin).Order())
        {
            var gain = inScope.Count(s => s.Margin <= candidate && !s.Correct && s.SecondCorrect) - inScope.Count(s => s.Margin <= candidate && s.Correct);
            if (gain > bestGain)
            {
                (bestGain, margin) = (gain, Math.Max(candidate, options.MinimumClarifyMargin));
            }
        }

        return calibration with { Threshold = Math.Max(Math.Round(best.Threshold, 2), options.MinimumThreshold), ClarifyMargin = margin };
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

    /// <summary>Logistic regression on (score, margin) by gradient descent on standardised features, classes balanced.</summary>
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
            w1 -= rate * (g1 + (l2 * w1));
            w2 -= rate * (g2 + (l2 * w2));
            b -= rate * gb;
        }

        var scoreWeight = w1 / sdS;
        var marginWeight = w2 / sdM;
        return (scoreWeight, marginWeight, b - (scoreWeight * meanS) - (marginWeight * meanM));
    }
}
