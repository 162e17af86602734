using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers.Objectives;

namespace Verification.Optimizers.Stochastic;

/// <summary>
/// The empirical risk of a seeded data set as a stochastic objective (thesis eq. 3.1 with p(ξ) the empirical measure):
/// a minibatch draws m indices uniformly with replacement (iid, eq. 3.4) from the sampler's seeded generator.
/// </summary>
public sealed class MinibatchObjective(LogisticRegression problem, int seed) : IStochasticObjective
{
    private readonly LogisticRegression inner = problem ?? throw new ArgumentNullException(nameof(problem));

    /// <summary>The seed every sampler starts from.</summary>
    public int Seed { get; } = seed;

    /// <inheritdoc />
    public string Name => $"minibatch({inner.Name}, seed={Seed})";

    /// <inheritdoc />
    public int Dimension => inner.Dimension;

    /// <inheritdoc />
    public double Value(Vector<double> theta) => inner.Value(theta);

    /// <inheritdoc />
    public Vector<double> Gradient(Vector<double> theta) => inner.Gradient(theta);

    /// <inheritdoc />
    public Matrix<double> Hessian(Vector<double> theta) => inner.Hessian(theta);

    /// <summary>The largest batch a sampler draws (it holds the batch's m gradients at once), 2^20.</summary>
    public const int MaxBatchSize = 1 << 20;

    /// <summary>
    /// diag Σ(θ) = (1/N)Σₙ(∇ℓₙ − ∇f)², exactly over the data set: the squares summed as in <see cref="SquaredDeviations"/>,
    /// so ±∞ only where the exact value is beyond double.MaxValue.
    /// </summary>
    public Vector<double>? PerSampleVariance(Vector<double> theta)
    {
        var mean = inner.Gradient(theta);
        var terms = new Vector<double>[inner.Count];
        for (int n = 0; n < inner.Count; n++)
            terms[n] = inner.TermGradient(n, theta);
        return SquaredDeviations(terms, mean, inner.Count);
    }

    /// <inheritdoc />
    public IGradientSampler OpenSampler() => new Sampler(inner, new Random(Seed));

    /// <summary>
    /// (1/m)Σⱼ gⱼ per coordinate: the plain left-to-right sum, and where that overflows (a sum of m finite terms beyond
    /// double.MaxValue although the mean is not) the exact rational mean rounded once: within 1 ulp. (The terms scaled by
    /// 2^-k and summed with rounding were within m·u·Σⱼ|gⱼ|, not m ulp of the mean where the terms cancel: draws of −a/2
    /// and a⁺/2, a = 1.7e308, gave 5.6133e291 against 4.9896e291.) O(m) rational additions, on this fallback only.
    /// Accuracy of the plain path (kept bit for bit: the trajectory snapshots pin it): recursive summation is within
    /// γ_{m−1}·Σⱼ|gⱼ| of the exact sum (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., eq. 4.4;
    /// γ_k = k·u/(1 − k·u), u = 2^-53; additions are exact where they underflow), and the division by m adds u of the
    /// result and at most 2^-1075 where it is subnormal, so the mean is within γ_m·(1/m)Σⱼ|gⱼ| + 2^-1075 of the exact
    /// mean. That bound is relative to the mean of |gⱼ|, not to the mean itself: where the draws cancel the result may be
    /// wrong in every digit (the rows −a/2 and a⁺/2 above, seed 7, whose running sum stays finite: 5.6133e291 against
    /// 4.9896e291, about 2^49 ulp, within the bound 1.5e293). Relative accuracy there would need exact or compensated
    /// summation on every batch, which would change the bits of every stochastic trajectory; not done.
    /// </summary>
    internal static Vector<double> Mean(IReadOnlyList<Vector<double>> terms)
    {
        int d = terms[0].Count, m = terms.Count;
        var sum = Vector<double>.Build.Dense(d);
        foreach (var t in terms)
            sum += t;
        var mean = sum / m;
        for (int i = 0; i < d; i++)
        {
            if (double.IsFinite(sum[i])) continue;
            var exact = Fraction.Zero;
            foreach (var t in terms)
                exact += ExactDouble.ToFraction(t[i]);
            mean[i] = ExactDouble.ToDouble(exact / m);
        }
        return mean;
    }

    /// <summary>
    /// Σⱼ(gⱼ − c)²/n per coordinate: the plain sum of squares divided by n, and where a difference, a square or the sum
    /// overflows, the differences of the halves ½gⱼ − ½c scaled by 2^-k (k = ⌊log₂ of their largest⌋, so each square is
    /// below 4), summed, divided by n and scaled back by 2^(2k+2): +∞ then only where the exact quotient exceeds
    /// double.MaxValue (the former r⊙r overflowed for |r| above 1.3e154 whatever the batch's mean square). Within m + 2 ulp
    /// of the exact quotient of the computed differences (m squares, m − 1 additions, one division, positive terms).
    /// Against the exact Σⱼ(gⱼ − c)²/n of the inputs: within γ_{m+3} relatively (the differences' own rounding added),
    /// plus (m + 1)·2^-1074 where differences or squares are subnormal, plus m·2^-1071 relatively for the fallback's
    /// halvings and 2^-k scalings (MinibatchObjectiveRangeProperties derives and checks it).
    /// </summary>
    internal static Vector<double> SquaredDeviations(IReadOnlyList<Vector<double>> terms, Vector<double> center, int n)
    {
        int d = center.Count;
        var s = Vector<double>.Build.Dense(d);
        foreach (var t in terms)
        {
            var r = t - center;
            s += r.PointwiseMultiply(r);
        }
        var quotient = s / n;
        for (int i = 0; i < d; i++)
        {
            if (double.IsFinite(s[i])) continue;
            double halfCenter = Math.ScaleB(center[i], -1);
            double largest = terms.Max(t => Math.Abs(Math.ScaleB(t[i], -1) - halfCenter));
            int k = Math.ILogB(largest);
            double scaled = 0;
            foreach (var t in terms)
            {
                double w = Math.ScaleB(Math.ScaleB(t[i], -1) - halfCenter, -k);
                scaled += w * w;
            }
            quotient[i] = Math.ScaleB(scaled / n, 2 * k + 2);
        }
        return quotient;
    }

    private sealed class Sampler(LogisticRegression problem, Random random) : IGradientSampler
    {
        public GradientSample Sample(Vector<double> theta, int batchSize)
        {
            if (batchSize < 1 || batchSize > MaxBatchSize)
                throw new ArgumentException($"batchSize must be in [1, {MaxBatchSize}], got {batchSize}.", nameof(batchSize));
            var grads = new Vector<double>[batchSize];
            for (int j = 0; j < batchSize; j++)
                grads[j] = problem.TermGradient(random.Next(problem.Count), theta);
            var g = Mean(grads);
            if (batchSize < 2)
                return new GradientSample(g, batchSize, null);
            return new GradientSample(g, batchSize, SquaredDeviations(grads, g, batchSize - 1));
        }
    }
}
