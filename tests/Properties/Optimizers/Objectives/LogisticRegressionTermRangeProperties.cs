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
/// <see cref="LogisticRegression.TermValue"/> and <see cref="LogisticRegression.TermGradient"/> with one sample and one
/// feature, x, w, μ ≥ 0 and y = ±1 over the whole range: against ℓ(ẑ) + μw²/2 and −σ(−ẑ)·y·x + μw at the computed margin
/// ẑ = y·fl(x·w) (one IEEE product, decided here from the exact product), e^{−ẑ} enclosed to 128 bits for |ẑ| ≤ 800 and
/// ℓ bracketed by [0, 2^-1100] or [−ẑ, −ẑ + 2^-1100] beyond. Bounds from the doc comments: 16u·ℓ + 5u·μw²/2 + 11·2^-1074
/// and 3u·(σ|x| + μ|w|) + 2^-1074 (4u·σ|x| beyond ẑ = 708, where σ(−ẑ) is carried as e^{−ẑ} = M·2^E); a rejection naming
/// theta only where the margin or the exact result plus its bound reaches the overflow threshold.
/// </summary>
[Properties(MaxTest = 400)]
public class LogisticRegressionTermRangeProperties
{
    private static readonly Fraction Unit = ExactDouble.Pow2(-53), Smallest = ExactDouble.Pow2(-1074), Tiny = ExactDouble.Pow2(-1100);

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    /// <summary>One sample and one feature: x, w, μ ≥ 0 over the whole range and y = ±1 (shared with the summed property).</summary>
    internal static readonly Gen<(double x, double w, double mu, double y)> OneSample =
        from x in FullRangeDoubles.Signed
        from w in FullRangeDoubles.Signed
        from mu in FullRangeDoubles.NonNegative
        from y in Gen.Elements(1.0, -1.0)
        select (x, w, mu, y);

    [Property]
    public Property TermValueAndGradient_AreWithinTheirBounds() => Prop.ForAll(
        OneSample.ToArbitrary(),
        c =>
        {
            string? failure = Check(c.x, c.w, c.mu, c.y);
            return (failure is null).Label(failure ?? "");
        });

    /// <summary>The ridge term alone where the loss underflows: the plain μ/2·w·w gave 0 for each (exact 5e-301, 2^-1074·…).</summary>
    [Theory]
    [InlineData(1e300, 1e-200, 1e100)]
    [InlineData(1e300, 1e-160, 1e10)]
    [InlineData(1e-300, 1e200, 1e-300)]
    public void TermValue_WhereTheRidgeTermAloneUnderOrOverflows_IsWithinItsBound(double x, double w, double mu) =>
        Assert.Null(Check(x, w, mu, 1));

    private static string? Check(double x, double w, double mu, double y) =>
        Check(x, w, mu, y, (f, theta) => f.TermValue(0, theta), (f, theta) => f.TermGradient(0, theta)[0]);

    /// <summary>
    /// The bounds above for any function of the one-sample regression that equals f_j and ∇f_j there (with m = 1 the
    /// summed <see cref="LogisticRegression.Value"/> and <see cref="LogisticRegression.Gradient"/> are those).
    /// </summary>
    internal static string? Check(double x, double w, double mu, double y,
        Func<LogisticRegression, Vector<double>, double> valueOf, Func<LogisticRegression, Vector<double>, double> gradientOf)
    {
        var f = new LogisticRegression(Matrix<double>.Build.DenseOfArray(new double[,] { { x } }), [y], mu);
        var theta = Vector<double>.Build.Dense(1, w);
        string at = $"x = {x:R}, w = {w:R}, μ = {mu:R}, y = {y}";
        double zHat = y * ExactDouble.ToDouble(F(x) * F(w));
        var threshold = ExactAgreement.OverflowThreshold;
        if (!double.IsFinite(zHat))
            return Rejected(() => valueOf(f, theta), at) ?? Rejected(() => gradientOf(f, theta), at);
        Fraction z = F(zHat), ridge = F(mu) * F(w) * F(w) / 2, ridgeGradient = F(mu) * F(w);
        RationalInterval loss, sigmaMinus;
        var one = RationalInterval.Exact(1.0);
        if (zHat > 800)
        {
            loss = new RationalInterval(Fraction.Zero, Tiny);
            // e^{−ẑ} enclosed up to ẑ = 2000; beyond, σ(−ẑ) < 2^-2885, so σ·|x| < 2^-1861 is far below 2^-1074.
            sigmaMinus = zHat <= 2000 ? SigmaOfMinus(zHat) : new RationalInterval(Fraction.Zero, ExactDouble.Pow2(-2885));
        }
        else if (zHat < -800)
        {
            loss = new RationalInterval(-z, -z + Tiny);
            sigmaMinus = new RationalInterval(1 - Tiny, Fraction.One);
        }
        else
        {
            var e = ExactExp.Of(-zHat, 128);
            loss = ExactLog.Of(one + e, 128);
            sigmaMinus = SigmaOfMinus(zHat);
        }
        var value = Within(() => valueOf(f, theta), loss.Lower + ridge, loss.Upper + ridge,
            16 * Unit * loss.Upper + 5 * Unit * ridge + 11 * Smallest, threshold, $"f_j at {at}");
        Fraction gx = -F(y) * F(x);
        Fraction a = gx * sigmaMinus.Lower, b = gx * sigmaMinus.Upper;
        Fraction low = (a < b ? a : b) + ridgeGradient, high = (a < b ? b : a) + ridgeGradient;
        // Beyond ẑ = 708 σ(−ẑ) is carried as e^{−ẑ} = M·2^E (3u) and the sum rounds once: 4u·σ|x| + u·μ|w| + 2^-1074.
        int sigmaUnits = zHat > 708 ? 4 : 3;
        var gradient = Within(() => gradientOf(f, theta), low, high,
            sigmaUnits * Unit * sigmaMinus.Upper * Fraction.Abs(F(x)) + 3 * Unit * Fraction.Abs(ridgeGradient) + Smallest, threshold, $"∇f_j at {at}");
        return value ?? gradient;
    }

    /// <summary>σ(−ẑ) = e^{−ẑ}/(1 + e^{−ẑ}) with e^{−ẑ} enclosed to 128 bits (|ẑ| ≤ 2000).</summary>
    private static RationalInterval SigmaOfMinus(double zHat)
    {
        var e = ExactExp.Of(-zHat, 128);
        return e / (RationalInterval.Exact(1.0) + e);
    }

    /// <summary>
    /// Beyond ẑ ≈ 708 the double σ(−ẑ) is subnormal or 0, and the gradient −σ(−ẑ)·y·x was 0 or digits short where x scales
    /// it back (x = 1e300, w = 8e-298, ẑ = 800: 0 for −3.7e-48); now e^{−ẑ} is carried as M·2^E (fails on the old code).
    /// Also through the summed Gradient (m = 1).
    /// </summary>
    [Theory]
    [InlineData(1e300, 8e-298, 0.0)]
    [InlineData(-1e300, -7.1e-298, 1e-300)]
    [InlineData(1.7e308, 5e-306, 0.0)]
    [InlineData(1e250, 1e-247, 2.5e-300)]
    public void Gradient_BeyondAMarginOf708_KeepsItsDigits(double x, double w, double mu)
    {
        Assert.Null(Check(x, w, mu, 1));
        Assert.Null(Check(x, w, mu, 1, (f, theta) => f.Value(theta), (f, theta) => f.Gradient(theta)[0]));
    }

    /// <summary>
    /// Feature 2^90 and w = ±710·2^-90 lie within ScaledSum.Ordinary's band 2^±100, yet the margin ẑ = 710 puts σ(−ẑ) below
    /// 2^-1022, so the score weight is carried as M·2^E with E ≠ 0: ∇f_j = −e^{−710}·2^90·y ≈ ∓5.5e-282 is right only where
    /// the plain product w·x is kept for E = 0 (taking it for E ≠ 0 gives −M·2^90·y, off by the factor 2^E).
    /// </summary>
    [Theory]
    [InlineData(1.0)]
    [InlineData(-1.0)]
    public void Gradient_AtAMarginBeyond708WithOrdinaryInputs_KeepsTheExponent(double y)
    {
        double x = Math.ScaleB(1, 90), w = y * 710 * Math.ScaleB(1, -90);
        Assert.Null(Check(x, w, 0, y));
        Assert.Null(Check(x, w, 0, y, (f, theta) => f.Value(theta), (f, theta) => f.Gradient(theta)[0]));
    }

    private static string? Rejected(Func<double> compute, string at)
    {
        try
        {
            compute();
            return $"{at}: the margin overflows but the term was computed";
        }
        catch (ArgumentException e)
        {
            return e.ParamName == "theta" ? null : $"{at}: rejected naming {e.ParamName}";
        }
    }

    /// <summary>
    /// Null where compute() is within [low − bound, high + bound], or rejected naming theta where the exact interval plus
    /// its bound reaches the overflow threshold; else the failure (shared with LogisticRegressionCurvatureRangeProperties).
    /// </summary>
    internal static string? Within(Func<double> compute, Fraction low, Fraction high, Fraction bound, Fraction threshold, string what)
    {
        double computed;
        try
        {
            computed = compute();
        }
        catch (ArgumentException e)
        {
            return e.ParamName == "theta" && (high + bound >= threshold || low - bound <= -threshold)
                ? null
                : $"{what}: rejected ({e.Message}) though exact [{ExactDouble.ToDouble(low):R}, {ExactDouble.ToDouble(high):R}] is in range";
        }
        if (!double.IsFinite(computed))
            return $"{what}: {computed:R}";
        var c = F(computed);
        return c >= low - bound && c <= high + bound
            ? null
            : $"{what}: {computed:R} outside [{ExactDouble.ToDouble(low):R}, {ExactDouble.ToDouble(high):R}] ± {ExactDouble.ToDouble(bound):R}";
    }
}
