using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Exact;
using Verification.Optimizers;
using Verification.Optimizers.Objectives;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>
/// <see cref="EigenspaceLipschitzEstimator.Estimate"/> (a sampled estimate of elmo-amos Assumption 2's first-line constants,
/// declared non-rigorous) over the whole double range. What "correct" means for it is what its doc comment states: each
/// L̃^i is the largest kept quotient |λ̂_i(θ) − λ̂_i(φ)|/|sᵀv̂_i| of the doubles it forms, within 2u + γ_n·Σ|s_k v̂_ki|/|sᵀv̂_i|
/// relative plus the subnormal terms (u = 2^-53), +∞ only where that quotient rounds beyond double.MaxValue, never NaN.
/// Here θ = 0, so each sampled point φ is the step s itself, which the objective records; H(0) = diag(a) and H(φ) = diag(b)
/// for every φ, a and b from subnormals to ±MaxValue and ±0 (so Δλ̂_i is one number and the quotient's maximum is at the
/// smallest kept |sᵀv̂_i|), radius over the whole positive range. λ̂ and v̂ are SymmetricEigen's (the estimator's inputs);
/// the reference is exact in rationals. Samples whose |sᵀv̂_i| lies within 1e-6 relative of the skip threshold
/// 1e-12·‖s‖ may go either way.
/// </summary>
[Properties(MaxTest = 200)]
public class EigenspaceLipschitzEstimatorRangeProperties
{
    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    private static readonly Fraction HalfSubnormal = ExactDouble.Pow2(-1075);

    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    /// <summary>diag(a) at the first Hessian call (θ), diag(b) at every later one; records the later points; zero gradient.</summary>
    private sealed class TwoHessians(double[] a, double[] b) : IObjective
    {
        private int calls;
        public List<Vector<double>> Points { get; } = [];
        public string Name => "two-hessians";
        public int Dimension => a.Length;
        public double Value(Vector<double> theta) => 0;
        public Vector<double> Gradient(Vector<double> theta) => Vector<double>.Build.Dense(a.Length);
        public Matrix<double> Hessian(Vector<double> theta)
        {
            if (calls++ > 0)
                Points.Add(theta.Clone());
            return Matrix<double>.Build.DiagonalOfDiagonalArray(calls == 1 ? a : b);
        }
    }

    private static Arbitrary<(double[] A, double[] B, double Radius, int Samples, int Seed)> Cases { get; } =
        (from n in Gen.Choose(1, 3)
         from a in FullRangeDoubles.SignedOrOneScale(n)
         from b in FullRangeDoubles.SignedOrOneScale(n)
         from radius in FullRangeDoubles.Positive
         from samples in Gen.Choose(1, 4)
         from seed in Gen.Choose(0, 1 << 20)
         select (a, b, radius, samples, seed)).ToArbitrary();

    [Property]
    public Property Estimate_IsTheLargestKeptQuotientOfItsDoubles() => Prop.ForAll(Cases, c =>
    {
        int n = c.A.Length;
        string label = $"a = ({string.Join(", ", c.A.Select(x => x.ToString("R")))}), b = ({string.Join(", ", c.B.Select(x => x.ToString("R")))}), r = {c.Radius:R}, samples = {c.Samples}, seed = {c.Seed}";
        var objective = new TwoHessians(c.A, c.B);
        EigenspaceLipschitz result;
        try
        {
            result = EigenspaceLipschitzEstimator.Estimate(objective, Vector<double>.Build.Dense(n), c.Samples, c.Radius, c.Seed);
        }
        catch (ArgumentException e)
        {
            // At θ = 0 each |s_i| ≤ r·U·|w_i|/‖w‖ < r: only the unit vector's last-bit excess at r within 2^-40 of MaxValue can overflow.
            return (e.ParamName == "radius" && c.Radius > double.MaxValue * (1 - Math.ScaleB(1, -40))).Label($"{label}: rejected ({e.Message})");
        }
        var zero = Vector<double>.Build.Dense(n);
        var at = SymmetricEigen.Decompose(Matrix<double>.Build.DiagonalOfDiagonalArray(c.A), zero);
        var away = SymmetricEigen.Decompose(Matrix<double>.Build.DiagonalOfDiagonalArray(c.B), zero);
        var property = true.ToProperty();
        for (int i = 0; i < n; i++)
        {
            var change = Fraction.Abs(F(at.Values[i]) - F(away.Values[i]));
            Fraction? lower = null, upper = null;
            Fraction relative = 0;
            foreach (var s in objective.Points)
            {
                var along = Fraction.Abs(Enumerable.Range(0, n).Aggregate(Fraction.Zero, (t, k) => t + F(s[k]) * F(at.Vectors[k, i])));
                var absolute = Enumerable.Range(0, n).Aggregate(Fraction.Zero, (t, k) => t + Fraction.Abs(F(s[k]) * F(at.Vectors[k, i])));
                var threshold = F(1e-12) * SquareRootBelow(Enumerable.Range(0, n).Aggregate(Fraction.Zero, (t, k) => t + F(s[k]) * F(s[k])));
                var slack = threshold / 1_000_000 + n * HalfSubnormal * 4 + ExactAgreement.Gamma(n) * absolute;
                if (along + slack <= threshold || along == 0)
                    continue; // skipped for certain
                var q = change / along;
                if (along - slack > threshold)
                    lower = lower is null || q > lower ? q : lower;
                upper = upper is null || q > upper ? q : upper;
                var r = 3 * Unit + (ExactAgreement.Gamma(n) * absolute + n * HalfSubnormal) / along;
                if (r > relative)
                    relative = r;
            }
            double computed = result.Constants[i];
            string what = $"{label}: L̃[{i}] = {computed:R}, kept quotients in [{(lower is null ? double.NaN : ExactDouble.ToDouble(lower.Value)):R}, {(upper is null ? double.NaN : ExactDouble.ToDouble(upper.Value)):R}] (relative {relative.ToDouble():R})";
            if (double.IsNaN(computed) || computed < 0)
                return false.Label(what);
            if (upper is null)
            {
                property = property.And((computed == 0).Label(what));
                continue;
            }
            var top = upper.Value * (1 + relative) + HalfSubnormal;
            var bottom = (lower ?? Fraction.Zero) * (1 - relative) - HalfSubnormal;
            if (bottom >= ExactAgreement.OverflowThreshold)
                property = property.And((computed == double.PositiveInfinity).Label(what));
            else if (double.IsPositiveInfinity(computed))
                property = property.And((top >= ExactAgreement.OverflowThreshold).Label(what));
            else
                property = property.And((F(computed) >= bottom && F(computed) <= top).Label(what));
        }
        return property.And(result.IsRigorous == false);
    });

    /// <summary>√x within 2^-50 relative (x ≥ 0 exact; the skip threshold's band of 1e-6 is far wider).</summary>
    private static Fraction SquareRootBelow(Fraction x)
    {
        if (x == 0)
            return Fraction.Zero;
        int half = (int)Math.Floor(ExactDouble.FloorLog2(x) / 2.0);
        return F(Math.Sqrt(ExactDouble.ToDouble(x / ExactDouble.Pow2(2 * half)))) * ExactDouble.Pow2(half);
    }

    /// <summary>
    /// H(θ) = diag(−1e308), H(φ) = diag(1e308): |Δλ| = 2e308 overflowed to +∞ and L̃ was +∞ though every quotient
    /// 2e308/|s| with |s| near the radius 1e10 is about 2e298 (one sample: between 2e298 and 2e308 whatever the draw).
    /// </summary>
    [Fact]
    public void Estimate_WhereOnlyTheEigenvalueChangeOverflows_IsFinite()
    {
        var result = EigenspaceLipschitzEstimator.Estimate(new TwoHessians([-1e308], [1e308]), Vector<double>.Build.Dense(1), 1, 1e10, 7);
        Assert.True(double.IsFinite(result.Constants[0]) && result.Constants[0] >= 2e298, $"L̃ = {result.Constants[0]:R}");
    }

    /// <summary>
    /// θ = 0, radius 1e308, 50 samples in one dimension: the step was w·(r·U/|w|), whose factor overflows wherever U/|w| &gt; 1.8
    /// (about one sample in four), so φ = ±∞ was rejected though |s| = r·U &lt; 1e308; now every sample is kept.
    /// </summary>
    [Fact]
    public void Estimate_WhereOnlyTheStepsScaleFactorOverflows_KeepsTheSample()
    {
        var objective = new TwoHessians([1], [2]);
        var result = EigenspaceLipschitzEstimator.Estimate(objective, Vector<double>.Build.Dense(1), 50, 1e308, 11);
        Assert.Equal(50, objective.Points.Count);
        Assert.True(objective.Points.All(p => double.IsFinite(p[0]) && Math.Abs(p[0]) <= 1e308), "a sampled point beyond the radius");
        Assert.True(result.Constants[0] > 0 && double.IsFinite(result.Constants[0]), $"L̃ = {result.Constants[0]:R}");
    }

    /// <summary>θ = (1e308), radius 1e308: a sampled point leaves the range; rejected naming radius instead of evaluating H at ±∞.</summary>
    [Fact]
    public void Estimate_WhereASampledPointOverflows_IsRejectedNamingRadius()
    {
        ArgumentAssert.Rejects(
            () => EigenspaceLipschitzEstimator.Estimate(new TwoHessians([1], [2]), Vector<double>.Build.Dense(1, 1.7e308), 20, 1.7e308, 3),
            "radius", "within ±double.MaxValue");
    }

    /// <summary>
    /// The samples lie within the radius (Assumption 2's neighbourhood ‖θ − φ‖ ≤ r): at θ = 0 in three dimensions each step
    /// is w·(r·U/‖w‖), of length r·U up to (n + 4)u = 7u of rounding (‖w‖ about (n/2 + 1)u, r·U/‖w‖ two roundings, w_i
    /// times it one), so ‖s‖² ≤ r²(1 + 7u)²; and they fill it radially
    /// (U uniform: 60 samples all below r/2 has probability 2^-60).
    /// </summary>
    [Fact]
    public void Estimate_SamplesWithinTheRadius()
    {
        var objective = new TwoHessians([1, 2, 3], [2, 3, 5]);
        EigenspaceLipschitzEstimator.Estimate(objective, Vector<double>.Build.Dense(3), 60, 1, 17);
        Assert.Equal(60, objective.Points.Count);
        var limit = (1 + 7 * Unit) * (1 + 7 * Unit);
        var lengths = objective.Points.Select(p => p.Aggregate(Fraction.Zero, (t, v) => t + F(v) * F(v))).ToList();
        Assert.True(lengths.All(l => l <= limit), "a sampled point beyond the radius");
        Assert.Contains(lengths, l => l >= new Fraction(1, 4));
    }
}
