using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Exact;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Stochastic;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Optimizers.Stochastic;

/// <summary>
/// <see cref="MinibatchObjective"/>'s minibatch mean and squared deviations (thesis eqs. 3.4, 3.30) over the whole double
/// range — subnormal terms, terms near ±MaxValue whose plain sums overflow although the mean does not, cancelling terms
/// — against exact rationals, within their doc comments' bounds (u = 2^-53, γ_k = k·u/(1 − k·u)):
/// Mean: γ_m·(1/m)Σⱼ|gⱼ| + 2^-1075 on the plain path, 1 ulp on the exact fallback, so within the larger of the two.
/// SquaredDeviations Σⱼ(gⱼ − c)²/n (c, n inputs): each difference, square and the quotient one rounding and the m − 1
/// additions of positive terms, γ_{m+3} relatively; a square or difference that underflows adds at most 2^-1075 each
/// ((m/n + 1)·2^-1075 ≤ (m + 1)·2^-1074 in all); the overflow fallback's halvings and 2^-k scalings lose at most 2^-1073
/// and 2^(k−1074) per difference, whose squares' share of the sum (at least the largest difference squared over n) is
/// below 3m·2^-1073 ≤ m·2^-1071 relatively. +∞ only where the exact value is within that bound of the overflow threshold.
/// Sample and PerSampleVariance use these two with the replayed draws (seeded Random) and the inner gradient as center.
/// </summary>
[Properties(MaxTest = 300)]
public class MinibatchObjectiveRangeProperties
{
    private static readonly Fraction Tiny = ExactDouble.Pow2(-1074);

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static string Show(IEnumerable<double> x) => $"({string.Join(", ", x.Select(v => v.ToString("R")))})";

    /// <summary>
    /// Values from anywhere, or at one scale (cancellation), or all near ±MaxValue (plain sums overflow), or all of
    /// magnitude 2^497 to 2^521 (squares overflow while their mean over n does not: the deviations' fallback), or subnormal.
    /// </summary>
    private static Gen<double[]> Values(int count) => Gen.Frequency(
        (2, FullRangeDoubles.SignedOrOneScale(count)),
        (1, from scale in Gen.Choose(505, 512)
            from values in Gen.ArrayOf(FullRangeDoubles.Moderate.SelectMany(x => Gen.Elements(x, -x)), count)
            select values.Select(v => Math.ScaleB(v, scale)).ToArray()),
        (1, Gen.ArrayOf(Gen.Choose(0, 1 << 20).SelectMany(k => Gen.Elements(1.0, -1.0).Select(sign => sign * (double.MaxValue - k * Math.ScaleB(1.0, 971)))), count)),
        (1, Gen.ArrayOf(Gen.Elements(1.0, -1.0).SelectMany(sign => FullRangeDoubles.Subnormal.Select(x => sign * x)), count)));

    /// <summary>m terms of dimension d, as column j of a d×m array.</summary>
    private static Gen<Vector<double>[]> Terms { get; } =
        from d in Gen.Choose(1, 3)
        from m in Gen.Choose(1, 24)
        from columns in Gen.ArrayOf(Values(m), d)
        select Enumerable.Range(0, m).Select(j => V([.. columns.Select(c => c[j])])).ToArray();

    private static Fraction MeanBound(IReadOnlyList<Vector<double>> terms, int i, Fraction exact)
    {
        int m = terms.Count;
        var magnitudes = terms.Aggregate(Fraction.Zero, (sum, t) => sum + Fraction.Abs(ExactDouble.ToFraction(t[i])));
        var plain = ExactAgreement.Gamma(m) * magnitudes / m + Tiny / 2;
        var oneUlp = ExactDouble.UnitInLastPlace(exact);
        return plain > oneUlp ? plain : oneUlp;
    }

    private static Property MeanAgrees(Vector<double> mean, IReadOnlyList<Vector<double>> terms, string label)
    {
        for (int i = 0; i < mean.Count; i++)
        {
            var exact = terms.Aggregate(Fraction.Zero, (sum, t) => sum + ExactDouble.ToFraction(t[i])) / terms.Count;
            if (!double.IsFinite(mean[i]) || Fraction.Abs(ExactDouble.ToFraction(mean[i]) - exact) > MeanBound(terms, i, exact))
                return false.Label($"{label}: mean[{i}] = {mean[i]:R}, exact ≈ {ExactDouble.ToDouble(exact):R}, bound {ExactDouble.ToDouble(MeanBound(terms, i, exact)):R}");
        }
        return true.Label(label);
    }

    private static Property DeviationsAgree(Vector<double> s, IReadOnlyList<Vector<double>> terms, Vector<double> center, int n, string label)
    {
        int m = terms.Count;
        var relative = ExactAgreement.Gamma(m + 3) + m * ExactDouble.Pow2(-1071);
        for (int i = 0; i < s.Count; i++)
        {
            var c = ExactDouble.ToFraction(center[i]);
            var exact = terms.Aggregate(Fraction.Zero, (sum, t) => sum + (ExactDouble.ToFraction(t[i]) - c) * (ExactDouble.ToFraction(t[i]) - c)) / n;
            var bound = relative * exact + (m + 1) * Tiny;
            if (double.IsPositiveInfinity(s[i]) && exact + bound >= ExactAgreement.OverflowThreshold)
                continue;
            if (!double.IsFinite(s[i]) || Fraction.Abs(ExactDouble.ToFraction(s[i]) - exact) > bound)
                return false.Label($"{label}: s[{i}] = {s[i]:R}, exact ≈ {ExactDouble.ToDouble(exact):R}, bound {ExactDouble.ToDouble(bound):R}");
        }
        return true.Label(label);
    }

    [Property]
    public Property Mean_IsWithinItsBound() => Prop.ForAll(Terms.ToArbitrary(),
        terms => MeanAgrees(MinibatchObjective.Mean(terms), terms, $"terms = {string.Join("; ", terms.Select(Show))}"));

    /// <summary>The center: the terms' exact mean rounded, or any double (n = m or m − 1, at least 1).</summary>
    [Property]
    public Property SquaredDeviations_AreWithinTheirBound() => Prop.ForAll(
        (from terms in Terms
         from exactMean in Gen.Elements(true, false)
         from other in Values(terms[0].Count)
         from less in Gen.Elements(0, 1)
         select (terms, center: exactMean
             ? V([.. Enumerable.Range(0, terms[0].Count).Select(i => ExactDouble.ToDouble(terms.Aggregate(Fraction.Zero, (sum, t) => sum + ExactDouble.ToFraction(t[i])) / terms.Length))])
             : V(other),
             n: Math.Max(1, terms.Length - less))).ToArbitrary(),
        c => DeviationsAgree(MinibatchObjective.SquaredDeviations(c.terms, c.center, c.n), c.terms, c.center, c.n,
            $"terms = {string.Join("; ", c.terms.Select(Show))}, c = {Show(c.center)}, n = {c.n}"));

    /// <summary>
    /// A logistic regression at θ = 0 with μ = 0 (each ∇fₙ = −σ(0)·yₙ·xₙ, the inner objective's TermGradient, taken as
    /// given), N rows of full-range features: the sample's g is the mean of the replayed draws and s their squared
    /// deviations about g over m − 1; PerSampleVariance the squared deviations of all N about the inner gradient over N.
    /// </summary>
    [Property]
    public Property SampleAndPerSampleVariance_AreWithinTheirBounds() => Prop.ForAll(
        (from rows in Gen.Choose(1, 6)
         from d in Gen.Choose(1, 2)
         from features in Gen.ArrayOf(Values(rows), d)
         from labels in Gen.ArrayOf(Gen.Elements(1.0, -1.0), rows)
         from m in Gen.Choose(1, 24)
         from seed in Gen.Choose(0, 1000)
         select (features, labels, m, seed)).ToArbitrary(),
        c =>
        {
            int rows = c.labels.Length, d = c.features.Length;
            var problem = new LogisticRegression(Matrix<double>.Build.Dense(rows, d, (r, k) => c.features[k][r]), c.labels, 0);
            var objective = new MinibatchObjective(problem, c.seed);
            var theta = Vector<double>.Build.Dense(d);
            string label = $"x = {string.Join("; ", c.features.Select(Show))}, y = {Show(c.labels)}, m = {c.m}, seed = {c.seed}";
            var sample = objective.OpenSampler().Sample(theta, c.m);
            var replay = new Random(c.seed);
            var draws = Enumerable.Range(0, c.m).Select(_ => problem.TermGradient(replay.Next(rows), theta)).ToArray();
            var all = Enumerable.Range(0, rows).Select(n => problem.TermGradient(n, theta)).ToArray();
            var result = MeanAgrees(sample.Gradient, draws, label);
            if (c.m >= 2)
                result = result.And(DeviationsAgree(sample.PerSampleVariance!, draws, sample.Gradient, c.m - 1, label));
            else
                result = result.And((sample.PerSampleVariance is null).Label($"{label}: m = 1 has no variance estimate"));
            return result.And(DeviationsAgree(objective.PerSampleVariance(theta)!, all, problem.Gradient(theta), rows, label + " (Σ)"));
        });
}
