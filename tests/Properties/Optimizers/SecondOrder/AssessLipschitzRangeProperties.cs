using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics;
using Verification.Numerics.Elmo;
using Verification.Numerics.Exact;
using Verification.Optimizers;
using Verification.Optimizers.SecondOrder;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.SecondOrder;

/// <summary>
/// ASSESS_LIPSCHITZ's ratio (elmo-amos Alg. 3, App. J.1; <see cref="AssessLipschitz.Ratio"/>) over the whole double range:
/// n = 1…3 eigenspaces along ±e_i (so Δθ = Σ x̂_i e_i adds only exact zeros), λ_i, g_i = −|·|, L_i and the objective's
/// two values f̂(θ), f̂(θ + Δθ) each from subnormals to ±MaxValue and ±0. The objective returns the drawn doubles, so the
/// reference is the exact R = (f̂(θ) − f̂(θ + Δθ))/(−Σ M_i(x̂_i)) in rationals, eq. (3)'s M(x) = g·x + λx²/2 + L|x|³/6 at the
/// steps x̂_i the function forms (eq. (7)'s x*, itself checked by ElmoStep's properties). The ratio must be within the
/// γ_{2n+33}·|R| + 2^-1075 its doc comment derives; −∞ where it says (a step or the trial point not finite, a promise
/// below 2^-1022 or beyond the range, a ratio beyond ±MaxValue), and only there up to the promise's own error bound;
/// 1 for the zero step.
/// </summary>
[Properties(MaxTest = 500)]
public class AssessLipschitzRangeProperties
{
    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    private static readonly Fraction Max = F(double.MaxValue);

    private static readonly Fraction SmallestNormal = ExactDouble.Pow2(-1022);

    private static readonly Fraction HalfSubnormal = ExactDouble.Pow2(-1075);

    /// <summary>f̂(θ_t) at θ_t itself (bit for bit), f̂(θ + Δθ) at every other point.</summary>
    private sealed class TwoValues(Vector<double> at, double before, double after) : IObjective
    {
        public string Name => "two-values";
        public int Dimension => at.Count;
        public double Value(Vector<double> theta) =>
            Enumerable.Range(0, at.Count).All(i => BitConverter.DoubleToInt64Bits(theta[i]) == BitConverter.DoubleToInt64Bits(at[i])) ? before : after;
        public Vector<double> Gradient(Vector<double> theta) => throw new InvalidOperationException("Ratio reads values only");
        public Matrix<double> Hessian(Vector<double> theta) => throw new InvalidOperationException("Ratio reads values only");
    }

    private static Arbitrary<(double[] Lambda, double[] G, double[] L, double[] Theta, double Before, double After)> Cases { get; } =
        (from n in Gen.Choose(1, 3)
         from lambda in FullRangeDoubles.Signed.ArrayOf(n)
         from g in FullRangeDoubles.NonNegative.Select(x => -x).ArrayOf(n)
         from l in FullRangeDoubles.Positive.ArrayOf(n)
         from theta in FullRangeDoubles.SignedOrOneScale(n)
         from before in FullRangeDoubles.Signed
         from after in FullRangeDoubles.Signed
         select (lambda, g, l, theta, before, after)).ToArbitrary();

    [Property]
    public Property Ratio_IsWithinItsBoundOfTheExactQuotientOrMinusInfinity() => Prop.ForAll(Cases, c =>
    {
        int n = c.Lambda.Length;
        string label = $"λ = ({string.Join(", ", c.Lambda.Select(x => x.ToString("R")))}), g = ({string.Join(", ", c.G.Select(x => x.ToString("R")))}), "
            + $"L = ({string.Join(", ", c.L.Select(x => x.ToString("R")))}), θ = ({string.Join(", ", c.Theta.Select(x => x.ToString("R")))}), "
            + $"f(θ) = {c.Before:R}, f(θ + Δθ) = {c.After:R}";
        var theta = Vector<double>.Build.DenseOfArray(c.Theta);
        var eigen = new EigenSystem(c.Lambda, Matrix<double>.Build.DenseIdentity(n), c.G);
        double ratio = AssessLipschitz.Ratio(new TwoValues(theta, c.Before, c.After), theta, eigen, Vector<double>.Build.DenseOfArray(c.L));
        var x = Enumerable.Range(0, n).Select(i => ElmoStep.Step(c.Lambda[i], -c.G[i], c.L[i])).ToArray();
        if (!x.All(double.IsFinite))
            return (ratio == double.NegativeInfinity).Label($"{label}: a step overflows, ratio {ratio:R}");
        if (x.All(v => v == 0))
            return (ratio == 1).Label($"{label}: zero step, ratio {ratio:R}");
        if (!Enumerable.Range(0, n).All(i => double.IsFinite(c.Theta[i] + x[i])))
            return (ratio == double.NegativeInfinity).Label($"{label}: trial point overflows, ratio {ratio:R}");
        // The exact promise −Σ M_i(x̂_i) and its bound: 30u·P from the models, n − 1 roundings of the sum, n·2^-1075.
        var promise = Enumerable.Range(0, n).Aggregate(Fraction.Zero, (s, i) =>
        {
            Fraction xi = F(x[i]), gi = F(c.G[i]), li = F(c.Lambda[i]), Li = F(c.L[i]);
            return s - (gi * xi + li * xi * xi / 2 + Li * xi * xi * xi / 6);
        });
        var promiseError = ExactAgreement.Gamma(31 + n) * promise + n * HalfSubnormal;
        if (promise + promiseError < SmallestNormal)
            return (ratio == double.NegativeInfinity).Label($"{label}: promise {ExactDouble.ToDouble(promise):R} below 2^-1022, ratio {ratio:R}");
        bool promiseUndecided = promise - promiseError < SmallestNormal || promise + promiseError >= ExactAgreement.OverflowThreshold;
        if (promise - promiseError >= ExactAgreement.OverflowThreshold)
            return (ratio == double.NegativeInfinity).Label($"{label}: promise beyond the range, ratio {ratio:R}");
        // The objective is asked at fl(θ + Δθ), which is θ itself where every step is absorbed: then f̂ is f̂(θ) again.
        bool absorbed = Enumerable.Range(0, n).All(i => BitConverter.DoubleToInt64Bits(c.Theta[i] + x[i]) == BitConverter.DoubleToInt64Bits(c.Theta[i]));
        var exact = (F(c.Before) - F(absorbed ? c.Before : c.After)) / promise;
        var bound = ExactAgreement.Gamma(2 * n + 33) * Fraction.Abs(exact) + HalfSubnormal;
        if (Fraction.Abs(exact) - bound > Max)
            return (ratio == double.NegativeInfinity).Label($"{label}: exact ratio {ExactDouble.ToDouble(exact):R} beyond the range, ratio {ratio:R}");
        if (ratio == double.NegativeInfinity)
            return (promiseUndecided || Fraction.Abs(exact) + bound > Max)
                .Label($"{label}: −∞ for the exact ratio {ExactDouble.ToDouble(exact):R} (promise {ExactDouble.ToDouble(promise):R})");
        return (double.IsFinite(ratio) && Fraction.Abs(F(ratio) - exact) <= bound)
            .Label($"{label}: ratio {ratio:R}, exact {ExactDouble.ToDouble(exact):R}, bound {ExactDouble.ToDouble(bound):R}");
    });

    /// <summary>
    /// λ = 0, |g| = 2, L = 1: x* = √(2·2/1) = 2 and M(2) = −4 + 8/6 = −8/3, a promise of 8/3. With f(θ) = 1e308 and
    /// f(θ + Δθ) = −1e308 the decrease 2e308 overflows as a double, but R = 2e308·3/8 = 7.5e307 is in range; the old
    /// quotient of the overflowed difference gave −∞.
    /// </summary>
    [Fact]
    public void Ratio_WhereOnlyTheDecreaseOverflows_IsTheQuotient()
    {
        var theta = Vector<double>.Build.Dense(1);
        var eigen = new EigenSystem([0.0], Matrix<double>.Build.DenseIdentity(1), [-2.0]);
        double ratio = AssessLipschitz.Ratio(new TwoValues(theta, 1e308, -1e308), theta, eigen, Vector<double>.Build.Dense(1, 1));
        // R = 7.5e307 exactly in rationals; the promise 8/3 carries its model's and the quotient's few roundings (γ_35 bound).
        Assert.True(Math.Abs(ratio - 7.5e307) <= 35 * Math.ScaleB(1, -53) * 7.5e307, $"ratio {ratio:R}");
    }

    /// <summary>
    /// A projection g_i &gt; 0 breaks eq. (1)'s orientation: the step x*·v_i would go uphill and M(x*) &gt; 0. It was
    /// evaluated silently; now rejected naming eigen, as are a non-finite λ_i and a V of the wrong shape.
    /// </summary>
    [Fact]
    public void Ratio_RejectsAnEigensystemOutsideEquationOne_NamingEigen()
    {
        var theta = Vector<double>.Build.Dense(1);
        var f = new TwoValues(theta, 0, -1);
        var l = Vector<double>.Build.Dense(1, 1);
        ArgumentAssert.Rejects(() => AssessLipschitz.Ratio(f, theta, new EigenSystem([1.0], Matrix<double>.Build.DenseIdentity(1), [1.0]), l),
            "eigen", "g_i = ∇fᵀv_i ≤ 0 (eq. 1)");
        ArgumentAssert.Rejects(() => AssessLipschitz.Ratio(f, theta, new EigenSystem([double.NaN], Matrix<double>.Build.DenseIdentity(1), [-1.0]), l),
            "eigen", "finite λ_i");
        ArgumentAssert.Rejects(() => AssessLipschitz.Ratio(f, theta, new EigenSystem([1.0], Matrix<double>.Build.DenseIdentity(2), [-1.0]), l),
            "eigen", "vectors of length 1");
    }
}
