using Verification.Optimizers.Lodo;

namespace Verification.Figures;

/// <summary>
/// The short noisy-bowl run behind the LODO report figures (shared by both, computed once): n = 100, v = 1, seed 1,
/// <see cref="Steps"/> steps — a few seconds, so that <c>verify</c> stays fast; <c>lodo-bowl</c> runs the long horizon.
/// </summary>
internal static class LodoBowlPlotData
{
    internal const int Steps = 600, Seed = 1, SigmaEvery = 60, SigmaProbes = 30, Window = 50;

    internal static readonly Lazy<BowlComparison> Comparison = new(() => BowlExperiment.Run(Steps, Seed, 1.0, 100, SigmaEvery, SigmaProbes));

    /// <summary>The trailing moving average of <paramref name="xs"/> over <paramref name="window"/> points.</summary>
    internal static double[] MovingAverage(IReadOnlyList<double> xs, int window)
    {
        var result = new double[xs.Count];
        double sum = 0;
        for (int i = 0; i < xs.Count; i++)
        {
            sum += xs[i];
            if (i >= window) sum -= xs[i - window];
            result[i] = sum / Math.Min(i + 1, window);
        }
        return result;
    }
}
