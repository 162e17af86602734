using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;
using Verification.Optimizers.Objectives;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>
/// <see cref="LogisticRegression.Hessian"/> and <see cref="LogisticRegression.ThirdDerivativeAlong"/> with one sample and
/// one feature, x, w, μ ≥ 0, u and y = ±1 over the whole range: against H = σ(ẑ)σ(−ẑ)x² + μ and
/// T[u] = −σ(ẑ)σ(−ẑ)·tanh(ẑ/2)·y·(xu)·x² at the computed margin ẑ = y·fl(x·w), with e^{−|ẑ|} enclosed to 128 bits for
/// |ẑ| ≤ 2000 (beyond, σσ &lt; 2^-2885 and every term with x² ≤ 2^2048 is far below 2^-1074) and tanh(t) ∈ [t − t³/3, t]
/// for 0 ≤ t &lt; 2^-20. Bounds from the doc comments: 16u·σσx² + 2u·μ + 4·2^-1074 and 24u·|T| + 4·2^-1074 (σ 3 ulp each,
/// their product, tanh, x·u and the products and sum, counted there); the exact x·u is the reference, its rounding inside
/// the 24u. A rejection naming theta only where the margin or the exact result plus its bound reaches the overflow
/// threshold, naming u only where x·u does.
/// </summary>
[Properties(MaxTest = 400)]
public class LogisticRegressionCurvatureRangeProperties
{
    private static readonly Fraction Unit = ExactDouble.Pow2(-53), Smallest = ExactDouble.Pow2(-1074);

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    [Property]
    public Property HessianAndThirdDerivative_AreWithinTheirBounds() => Prop.ForAll(
        (from x in FullRangeDoubles.Signed
         from free in FullRangeDoubles.Signed
         from margin in Gen.Choose(-1500, 1500).Select(k => k + 0.37)
         from aimed in Gen.Elements(true, false)
         from mu in FullRangeDoubles.NonNegative
         from u in FullRangeDoubles.Signed
         from y in Gen.Elements(1.0, -1.0)
         // Half the cases aim the margin ẑ = x·w at ±1500 (w = margin/x where that is a finite nonzero double), where σσ
         // leaves the normal range at |ẑ| ≈ 708; the rest take w anywhere.
         let w = aimed && x != 0 && double.IsFinite(margin / x) && margin / x != 0 ? margin / x : free
         select (x, w, mu, u, y)).ToArbitrary(),
        c =>
        {
            string? failure = Check(c.x, c.w, c.mu, c.u, c.y);
            return (failure is null).Label(failure ?? "");
        });

    /// <summary>
    /// Beyond |ẑ| ≈ 708 the double σ(ẑ)σ(−ẑ) is subnormal or 0, and H and T[u] came out 0 or digits short where x² scales
    /// them back (x = 1e200, w = 4e-198, ẑ = 800: H = 0 for 3.7e52); now carried as M·2^E (fails on the old code). A
    /// subnormal margin (x = 1e5, w = 1e-315) takes tanh(ẑ/2) as ẑ with one more halving, z/2 itself rounding there.
    /// </summary>
    [Theory]
    [InlineData(1e200, 4e-198, 0.0, 1.0)]
    [InlineData(-1e250, 7.1e-248, 1e-300, 3.0)]
    [InlineData(1e300, 1e-297, 0.0, 1e-300)]
    [InlineData(1e5, 1e-315, 0.0, 1e300)]
    public void CurvatureBeyondAMarginOf708_KeepsItsDigits(double x, double w, double mu, double u) =>
        Assert.Null(Check(x, w, mu, u, 1));

    private static string? Check(double x, double w, double mu, double u, double y)
    {
        var f = new LogisticRegression(Matrix<double>.Build.DenseOfArray(new double[,] { { x } }), [y], mu);
        var theta = Vector<double>.Build.Dense(1, w);
        var direction = Vector<double>.Build.Dense(1, u);
        string at = $"x = {x:R}, w = {w:R}, μ = {mu:R}, u = {u:R}, y = {y}";
        double zHat = y * ExactDouble.ToDouble(F(x) * F(w));
        var threshold = ExactAgreement.OverflowThreshold;
        if (!double.IsFinite(zHat))
            return Rejected(() => f.Hessian(theta)[0, 0], at, "theta");
        RationalInterval curvature, tanhHalf;
        var one = RationalInterval.Exact(1.0);
        double az = Math.Abs(zHat);
        if (az <= 2000)
        {
            var e = ExactExp.Of(-az, 128);                  // e^{−|ẑ|}; σσ is even in ẑ
            curvature = e / ((one + e) * (one + e));
            Fraction t = F(zHat) / 2;
            tanhHalf = az < Math.ScaleB(1.0, -19)
                ? (t >= 0 ? new RationalInterval(t - t * t * t / 3, t) : new RationalInterval(t, t - t * t * t / 3))
                : (RationalInterval.Exact((double)Math.Sign(zHat)) * (one - e) / (one + e));
        }
        else
        {
            curvature = new RationalInterval(Fraction.Zero, ExactDouble.Pow2(-2885));
            tanhHalf = RationalInterval.Exact((double)Math.Sign(zHat));
        }
        Fraction x2 = F(x) * F(x);
        var hessian = LogisticRegressionTermRangeProperties.Within(() => f.Hessian(theta)[0, 0], curvature.Lower * x2 + F(mu), curvature.Upper * x2 + F(mu),
            16 * Unit * curvature.Upper * x2 + 2 * Unit * F(mu) + 4 * Smallest, threshold, $"H at {at}");
        if (hessian is not null)
            return hessian;
        Fraction xu = F(x) * F(u);
        if (Fraction.Abs(xu) >= threshold)
            return Rejected(() => f.ThirdDerivativeAlong(theta, direction)[0, 0], at, "u");
        // T = −σσ·tanh·y·xu·x²: the product of two intervals (σσ ≥ 0) and an exact factor.
        Fraction k = -F(y) * xu * x2;
        Fraction[] corners = [curvature.Lower * tanhHalf.Lower * k, curvature.Lower * tanhHalf.Upper * k,
            curvature.Upper * tanhHalf.Lower * k, curvature.Upper * tanhHalf.Upper * k];
        Fraction low = corners.Min(), high = corners.Max();
        Fraction magnitude = Fraction.Abs(low) > Fraction.Abs(high) ? Fraction.Abs(low) : Fraction.Abs(high);
        return LogisticRegressionTermRangeProperties.Within(() => f.ThirdDerivativeAlong(theta, direction)[0, 0], low, high, 24 * Unit * magnitude + 4 * Smallest,
            threshold, $"T[u] at {at}");
    }

    private static string? Rejected(Func<double> compute, string at, string parameter)
    {
        try
        {
            compute();
            return $"{at}: beyond the range but computed";
        }
        catch (ArgumentException e)
        {
            return e.ParamName == parameter ? null : $"{at}: rejected naming {e.ParamName}, not {parameter}";
        }
    }

    /// <summary>
    /// x_1 = (1e300, 1e300), u = (1e10, −1e10): both products of x_1ᵀu overflow as doubles (∞ − ∞) though x_1ᵀu is exactly 0, so
    /// that sample adds 0 and T[u] is the second sample's (1/2)·σσ·tanh(ẑ/2)·1e10·x_2x_2ᵀ ≈ 6.25e-292·x_2x_2ᵀ, well in range;
    /// it was rejected as "x_jᵀu beyond ±double.MaxValue" (the double x_jᵀu was NaN). Reference: ẑ_2 = 1e-300 (exact, the
    /// double), σσ ∈ [1/4 − ẑ², 1/4] and tanh(ẑ/2) ∈ [ẑ/2 − ẑ³, ẑ/2]; bound ThirdDerivativeAlong's one-sample 24u·|T| + 4·2^-1074.
    /// </summary>
    [Fact]
    public void ThirdDerivative_WhereADirectionsProductsOverflowButItIsZero_IsTheOtherSamples()
    {
        var objective = new LogisticRegression(Matrix<double>.Build.DenseOfArray(new double[,] { { 1e300, 1e300 }, { 1, 2 } }), [1.0, 1.0], 0.5);
        var t = objective.ThirdDerivativeAlong(Vector<double>.Build.DenseOfArray([1e-300, 0]), Vector<double>.Build.DenseOfArray([1e10, -1e10]));
        var z = F(1e-300);
        double[] x2 = [1, 2];
        for (int r = 0; r < 2; r++)
            for (int c = 0; c < 2; c++)
            {
                var scale = F(1e10) * F(x2[r]) * F(x2[c]) / 2;
                var high = z / 8 * scale;
                var low = (new Fraction(1, 4) - z * z) * (z / 2 - z * z * z) * scale;
                Assert.Null(LogisticRegressionTermRangeProperties.Within(() => t[r, c], low, high, 24 * Unit * high + 4 * Smallest, ExactDouble.ToFraction(double.MaxValue), $"T[u][{r}, {c}]"));
            }
    }
}
