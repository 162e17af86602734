using Fractions;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;
using Xunit;
using static Verification.Tests.Properties.Numerics.Curvature.AutoDiff.ForwardModeRange;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// <see cref="HessianJet{T}"/> over <see cref="Float64"/> across the whole double range (issue 15, item 1): exp, log, √,
/// erf, erfc, products and quotients against exact rationals or 128-bit enclosures built from the inputs. The jets have two
/// variables, the first seeded with a power of two s (so its parts are φ'·s and φ''·s², exact scalings) and the second
/// unseeded (its parts must be 0, never NaN). Bound, from the type's and <see cref="HyperDual"/>'s remarks: a part of one
/// term of k ≤ 3 factors is within (k + 2)·u of the exact value of the rounded φ', φ'', and those are within 2u (exp),
/// 1.5u (log''), 4.5u (√''), 6u (erf'' beyond the plain range): at most 11u, with the ulp of the result as unit at most
/// 11 ulp, so 12 ulp (as <see cref="HyperDualRangeExamples"/>), plus the floor of <see cref="ExactDouble.UlpError"/>'s
/// unit below 2^-1022. Where erf's plain formula runs ((2/√π)e^{−x²} normal, x² ≤ 708.517, |x| ≤ 26.618) its own bound
/// (x² + 5)·u is added.
/// Results whose exact value is beyond ±double.MaxValue must be ±∞.
/// </summary>
public class HessianJetRangeExamples
{
    private const double Ulps = 12;

    private static readonly Fraction Overflow = ExactDouble.Pow2(1024);

    private static Fraction Q(double x) => ExactDouble.ToFraction(x);

    private static RationalInterval I(Fraction x) => RationalInterval.Exact(x);

    /// <summary>The jet v + s·x₀ of two variables (value v, gradient (s, 0), Hessian 0): every step exact.</summary>
    private static HessianJet<Float64> Seeded(double v, double s) =>
        HessianJet<Float64>.Variable(new Float64(0), 0, 2) * HessianJet<Float64>.Constant(new Float64(s)) + HessianJet<Float64>.Constant(new Float64(v));

    /// <summary>φ's parts of <see cref="Seeded"/>: ∂₀ = φ'·s and ∂₀₀ = φ''·s² against the exact ones; ∂₁, ∂₀₁, ∂₁₁ exactly 0.</summary>
    private static void AssertChain(string what, HessianJet<Float64> y, double s, RationalInterval first, RationalInterval second, double ulps = Ulps)
    {
        AssertPart($"{what} ∂₀", y.Gradient(0).Value, I(Q(s)) * first, ulps);
        AssertPart($"{what} ∂₀₀", y.Hessian(0, 0).Value, I(Q(s) * Q(s)) * second, ulps);
        Assert.True(y.Gradient(1).Value == 0, $"{what} ∂₁ = {y.Gradient(1).Value:R}, exact 0");
        Assert.True(y.Hessian(0, 1).Value == 0, $"{what} ∂₀₁ = {y.Hessian(0, 1).Value:R}, exact 0");
        Assert.True(y.Hessian(1, 1).Value == 0, $"{what} ∂₁₁ = {y.Hessian(1, 1).Value:R}, exact 0");
    }

    /// <summary>e^800 of x₀ (x₁ unseeded): value, ∂₀ and ∂₀₀ beyond the range (+∞); ∂₁, ∂₀₁, ∂₁₁ are e^800·0 = 0 (were NaN, ∞·0).</summary>
    [Fact]
    public void Exp_BeyondTheRange_UnseededPartsAreZero()
    {
        var y = HessianJet<Float64>.Exp(HessianJet<Float64>.Variable(new Float64(800), 0, 2));
        Assert.Equal(double.PositiveInfinity, y.Value.Value);
        Assert.Equal(double.PositiveInfinity, y.Gradient(0).Value);
        Assert.Equal(double.PositiveInfinity, y.Hessian(0, 0).Value);
        Assert.Equal(0, y.Gradient(1).Value);
        Assert.Equal(0, y.Hessian(0, 1).Value);
        Assert.Equal(0, y.Hessian(1, 1).Value);
    }

    /// <summary>
    /// Values +∞ and 0 in one product are undetermined in doubles (e^800·e^-800, exact 1, gave 0), and log or √ of an
    /// overflowed value with a derivative part lose it (log(e^800) had gradient 0, exact 1): all DoubleRangeExceptions now
    /// (ArgumentExceptions the engine settles exactly). Log of a constant +∞ was asserted to be +∞; but +∞ stands for an
    /// exact value beyond the range, whose log is finite (log(e^710) = 710) and undetermined in doubles (gap 6): now
    /// rejected as well, and so is √ of it (√(e^710) ≈ 1.5e154).
    /// </summary>
    [Fact]
    public void ProductOfInfinityAndZero_AndLogOrRootOfAnOverflowedValue_AreRejected()
    {
        var e800 = HessianJet<Float64>.Exp(HessianJet<Float64>.Variable(new Float64(800), 0, 2));
        var eMinus800 = HessianJet<Float64>.Exp(HessianJet<Float64>.Variable(new Float64(-800), 0, 2));
        Assert.Equal(0, eMinus800.Value.Value);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = e800 * eMinus800, "b", "a product of values");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = e800 * HessianJet<Float64>.Constant(new Float64(0)), "b", "a product of values");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HessianJet<Float64>.Log(e800), "x", "log of a value beyond the double range (+∞");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HessianJet<Float64>.Sqrt(e800), "x", "√ of a value beyond the double range (+∞");
        var infinity = HessianJet<Float64>.Constant(new Float64(double.PositiveInfinity));
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HessianJet<Float64>.Log(infinity), "x", "log of a value beyond the double range (+∞, e.g. an overflowed e^x): it is finite");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HessianJet<Float64>.Sqrt(infinity), "x", "√ of a value beyond the double range (+∞, e.g. an overflowed e^x): it is finite");
    }

    /// <summary>
    /// A sum of jets whose parts are +∞ and −∞ (e^(800 + x₀) − e^(800 + x₀), exact 0) was returned with NaN parts; now a
    /// <see cref="DoubleRangeException"/>. A sum of equal signs stays +∞ in the seeded parts and 0 in the others.
    /// </summary>
    [Fact]
    public void Sum_OfInfinitiesOfBothSigns_IsUndetermined_NotNaN()
    {
        var e800 = HessianJet<Float64>.Exp(HessianJet<Float64>.Variable(new Float64(800), 0, 2));
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = e800 - e800, "b", "a sum of jets has a value or part ∞ − ∞");
        var twice = e800 + e800;
        Assert.Equal(double.PositiveInfinity, twice.Gradient(0).Value);
        Assert.Equal(0, twice.Gradient(1).Value);
        Assert.Equal(0, twice.Hessian(1, 1).Value);
    }

    /// <summary>e^-800 underflows, but e^-800·2^600 ≈ 1.5e-167 and e^-800·2^1200 ≈ 6e13 do not (were 0).</summary>
    [Fact]
    public void Exp_BelowTheRange_ScaledDerivativesSurvive()
    {
        double s = Math.ScaleB(1, 600);
        var e = ExactExp.Of(-800);
        AssertChain("exp", HessianJet<Float64>.Exp(Seeded(-800, s)), s, e, e);
    }

    /// <summary>log at 1e-200 with seed 1e-100: ∂₀ = 1e100, ∂₀₀ = −1e-200/1e-400 = −1e200 (was −∞: (1/x)² overflowed).</summary>
    [Fact]
    public void Log_TinyArgument_SecondDerivativeIsFinite()
    {
        const double x = 1e-200, s = 1e-100;
        var y = HessianJet<Float64>.Log(Seeded(x, s));
        AssertPart("∂₀", y.Gradient(0).Value, Q(s) / Q(x));
        AssertPart("∂₀₀", y.Hessian(0, 0).Value, -(Q(s) * Q(s)) / (Q(x) * Q(x)));
    }

    /// <summary>√ at 2^-1074 with seed 2^-600: ∂₀ = 2^-600/(2·2^-537) = 2^-64, ∂₀₀ = −2^-1200/(4·2^-1611) = −2^409 (was −∞: 1/s³ overflowed).</summary>
    [Fact]
    public void Sqrt_SmallestSubnormal_DerivativesAreFinite()
    {
        var y = HessianJet<Float64>.Sqrt(Seeded(double.Epsilon, Math.ScaleB(1, -600)));
        Assert.Equal(Math.ScaleB(1, -537), y.Value.Value);
        AssertPart("∂₀", y.Gradient(0).Value, ExactDouble.Pow2(-64));
        AssertPart("∂₀₀", y.Hessian(0, 0).Value, -ExactDouble.Pow2(409));
    }

    /// <summary>
    /// erf and erfc at x = 30 with seed 2^600: erf' = (2/√π)e^-900 ≈ 1.4e-391 is below the range, but ∂₀ = erf'·2^600 ≈
    /// 5.7e-211 and ∂₀₀ = −60·erf'·2^1200 ≈ −1.4e-28 are not (were 0: e^{−x²} underflowed); erfc's parts are erf's negated.
    /// </summary>
    [Fact]
    public void ErfAndErfc_FarOut_ScaledDerivativesSurvive()
    {
        double s = Math.ScaleB(1, 600);
        var d = ErfDerivative(30);
        AssertChain("erf", HessianJet<Float64>.Erf(Seeded(30, s)), s, d, I(new Fraction(-60)) * d);
        AssertChain("erfc", HessianJet<Float64>.Erfc(Seeded(30, s)), s, -d, I(new Fraction(60)) * d);
    }

    /// <summary>x/x at x = 1e200: the exact derivatives are 0; the bound is (k + 2)·u (k = 3) times the terms' magnitudes, 2e-200 (was 1e-200: 1/x² underflowed).</summary>
    [Fact]
    public void Quotient_SelfRatio_DerivativesCancelToRoundingLevel()
    {
        var x = HessianJet<Float64>.Variable(new Float64(1e200), 0, 1);
        var y = x / x;
        double u = Math.ScaleB(1, -53);
        Assert.Equal(1, y.Value.Value);
        Assert.True(Math.Abs(y.Gradient(0).Value) <= 5 * u * 2e-200, $"{y.Gradient(0).Value:R}");
        Assert.True(Math.Abs(y.Hessian(0, 0).Value) <= double.Epsilon, $"{y.Hessian(0, 0).Value:R}");
    }

    /// <summary>
    /// A constant subnormal divisor: (2^-1000 + 2^-1000·x₀)/2^-1074 has value and ∂₀ 2^74 (exact; the old (1/b)·v formed
    /// 1/2^-1074 = +∞ first, so ∂₀ was +∞).
    /// </summary>
    [Fact]
    public void Quotient_ByASubnormalConstant_IsExact()
    {
        double p = Math.ScaleB(1, -1000);
        var y = Seeded(p, p) / HessianJet<Float64>.Constant(new Float64(double.Epsilon));
        Assert.Equal(Math.ScaleB(1, 74), y.Value.Value);
        Assert.Equal(Math.ScaleB(1, 74), y.Gradient(0).Value);
        Assert.Equal(0, y.Gradient(1).Value);
    }

    /// <summary>A divisor whose value is 0 or NaN is an ArgumentException naming b (was ±∞ and NaN parts).</summary>
    [Fact]
    public void Quotient_ByZero_IsRejected()
    {
        var one = HessianJet<Float64>.Constant(new Float64(1));
        ArgumentAssert.Rejects(() => _ = one / HessianJet<Float64>.Variable(new Float64(0), 0, 1), "b", "the divisor's value must be a non-zero number, got 0");
        ArgumentAssert.Rejects(() => _ = one / HessianJet<Float64>.Constant(new Float64(-0.0)), "b", "the divisor's value must be a non-zero number, got -0");
        ArgumentAssert.Rejects(() => _ = Seeded(1, 1) / HessianJet<Float64>.Constant(new Float64(double.NaN)), "b", "the divisor's value must be a non-zero number, got NaN");
    }

    /// <summary>(1e300 + 1e300x₀)·(1e10 − 1e10x₀): ∂₀ = 1e300·(−1e10) + 1e10·1e300 = 0 (was NaN, −∞ + ∞); ∂₀₀ = −2e310 and the value 1e310 are beyond the range.</summary>
    [Fact]
    public void Product_OverflowingPartialProducts_Cancel()
    {
        var a = Seeded(1e300, 1e300);
        var b = HessianJet<Float64>.Constant(new Float64(1e10)) - HessianJet<Float64>.Variable(new Float64(0), 0, 2) * HessianJet<Float64>.Constant(new Float64(1e10));
        var y = a * b;
        Assert.Equal(double.PositiveInfinity, y.Value.Value);
        Assert.Equal(0, y.Gradient(0).Value);
        Assert.Equal(double.NegativeInfinity, y.Hessian(0, 0).Value);
        Assert.Equal(0, y.Gradient(1).Value);
        Assert.Equal(0, y.Hessian(0, 1).Value);
    }

    /// <summary>
    /// a·b with a = 1 + 2^511·x₀ and b = 1 + 2^512·x₀ − 2^1022·x₀² (b's ∂₀₀ = −2^1023): ∂₀₀(ab) = ∂₀a∂₀b + ∂₀b∂₀a + a·∂₀₀b =
    /// 2^1023 + 2^1023 − 2^1023 = 2^1023 exactly, a normal double; every partial product is a normal double, but the plain
    /// left-to-right sum overflows at 2^1023 + 2^1023 and stayed +∞ (the type's remarks: ±∞ only beyond ±MaxValue).
    /// </summary>
    [Fact]
    public void Product_OverflowingPartialSum_IsFinite()
    {
        HessianJet<Float64> C(double v) => HessianJet<Float64>.Constant(new Float64(v));
        var x0 = Seeded(0, 1);
        var a = Seeded(1, Math.ScaleB(1, 511));
        var b = C(1) + C(Math.ScaleB(1, 512)) * x0 + C(-Math.ScaleB(1, 1022)) * (x0 * x0);
        Assert.Equal(-Math.ScaleB(1, 1023), b.Hessian(0, 0).Value);
        var y = a * b;
        Assert.Equal(1, y.Value.Value);
        Assert.Equal(Math.ScaleB(1, 512) + Math.ScaleB(1, 511), y.Gradient(0).Value);
        Assert.Equal(Math.ScaleB(1, 1023), y.Hessian(0, 0).Value);
        Assert.Equal(0, y.Hessian(0, 1).Value);
        Assert.Equal(0, y.Hessian(1, 1).Value);
    }

    /// <summary>
    /// e^{−f} for the linear form f = 700 + 2^-99·x₀ + 2^99·x₁ (the mechanism of <see cref="CurvatureProblemRangeExamples"/>'
    /// risk Hessian): ∂₀₁ = e^-700·2^-99·2^99 = e^-700 ≈ 9.9e-305, a normal double, but the plain e^-700·∂₀f ≈ 2^-1109
    /// rounded to 0 before ∂₁f scaled it back up: ∂₀₁ was 0. ∂₁₁ = e^-700·2^198 and ∂₁ = −e^-700·2^99 are plain.
    /// </summary>
    [Fact]
    public void Exp_MixedPartWhosePlainPartialProductUnderflows_IsExact()
    {
        var x0 = HessianJet<Float64>.Variable(new Float64(0), 0, 2);
        var x1 = HessianJet<Float64>.Variable(new Float64(0), 1, 2);
        HessianJet<Float64> C(double v) => HessianJet<Float64>.Constant(new Float64(v));
        var f = C(700) + C(Math.ScaleB(1, -99)) * x0 + C(Math.ScaleB(1, 99)) * x1;
        var y = HessianJet<Float64>.Exp(-f);
        var e = ExactExp.Of(-700);
        AssertPart("∂₀₁", y.Hessian(0, 1).Value, e);
        AssertPart("∂₁₁", y.Hessian(1, 1).Value, I(ExactDouble.Pow2(198)) * e);
        AssertPart("∂₁", y.Gradient(1).Value, I(-ExactDouble.Pow2(99)) * e);
    }

    /// <summary>
    /// Ordinary inputs keep the plain formulas bit for bit (the forms before issue 15, which the trajectory snapshots pin):
    /// at x = 0.3, 1.7, 2.5 with seed 0.75 each part equals φ'·s and (φ''·s)·s with φ', φ'' written out here in doubles.
    /// </summary>
    [Fact]
    public void OrdinaryArguments_KeepThePlainFormulas()
    {
        const double s = 0.75;
        foreach (double x in new[] { 0.3, 1.7, 2.5 })
        {
            double inv = 1 / x, root = Math.Sqrt(x), rootInv = 1 / root, e = Math.Exp(x);
            double erf1 = 2 * Math.Exp(-(x * x)) / Math.Sqrt(Math.PI);
            var cases = new (string Name, HessianJet<Float64> Y, double First, double Second)[]
            {
                ("exp", HessianJet<Float64>.Exp(Seeded(x, s)), e, e),
                ("log", HessianJet<Float64>.Log(Seeded(x, s)), inv, -(inv * inv)),
                ("√", HessianJet<Float64>.Sqrt(Seeded(x, s)), rootInv / 2, -(rootInv * rootInv * rootInv) / 4),
                ("erf", HessianJet<Float64>.Erf(Seeded(x, s)), erf1, -2 * x * erf1),
                ("erfc", HessianJet<Float64>.Erfc(Seeded(x, s)), -erf1, 2 * x * erf1),
            };
            foreach (var (name, y, first, second) in cases)
            {
                Assert.True(first * s == y.Gradient(0).Value, $"{name} ∂₀ at {x}: {y.Gradient(0).Value:R}, plain {first * s:R}");
                Assert.True(second * s * s == y.Hessian(0, 0).Value, $"{name} ∂₀₀ at {x}: {y.Hessian(0, 0).Value:R}, plain {second * s * s:R}");
            }
            var v = Seeded(x, s);
            var square = v * v;
            Assert.Equal(x * s + x * s, square.Gradient(0).Value);
            Assert.Equal(s * s + s * s, square.Hessian(0, 0).Value);
        }
    }

    /// <summary>Out of the domain: log below 0 or at 0 with a derivative, √ likewise, erf of NaN are ArgumentExceptions naming x; log of the constant 0 is −∞.</summary>
    [Fact]
    public void ElementaryFunctions_OutsideTheirDomain_AreRejected()
    {
        var zero = HessianJet<Float64>.Variable(new Float64(0), 0, 1);
        var minusOne = HessianJet<Float64>.Variable(new Float64(-1), 0, 1);
        ArgumentAssert.Rejects(() => HessianJet<Float64>.Log(zero), "x", "log needs a value > 0 (or exactly 0 without a derivative part), got 0 with a non-zero derivative part");
        ArgumentAssert.Rejects(() => HessianJet<Float64>.Log(minusOne), "x", "log needs a value > 0 (or exactly 0 without a derivative part), got -1 with a non-zero derivative part");
        ArgumentAssert.Rejects(() => HessianJet<Float64>.Log(HessianJet<Float64>.Constant(new Float64(-1))), "x", "log needs a value > 0 (or exactly 0 without a derivative part), got -1.");
        ArgumentAssert.Rejects(() => HessianJet<Float64>.Sqrt(zero), "x", "√ needs a value ≥ 0 (> 0 where it carries a derivative), got 0 with a non-zero derivative part");
        ArgumentAssert.Rejects(() => HessianJet<Float64>.Sqrt(minusOne), "x", "√ needs a value ≥ 0 (> 0 where it carries a derivative), got -1 with a non-zero derivative part");
        ArgumentAssert.Rejects(() => HessianJet<Float64>.Erf(HessianJet<Float64>.Variable(new Float64(double.NaN), 0, 1)), "x", "erf and erfc need a number (any double, ±∞ included), got NaN");
        Assert.Equal(double.NegativeInfinity, HessianJet<Float64>.Log(HessianJet<Float64>.Constant(new Float64(0))).Value.Value);
        Assert.Equal(0, HessianJet<Float64>.Sqrt(HessianJet<Float64>.Constant(new Float64(0))).Value.Value);
    }

    /// <summary>
    /// Points about the end of erf's plain range, where (2/√π)e^{−x²} leaves the normal doubles at x² ≈ 708.517 (|x| ≈
    /// 26.618): the plain formula, whose e^{−fl(x²)} is off by up to x²·u/2, still runs in (26.5, 26.618] (at 26.615 it is
    /// 162 ulp off in the first-order part and 270 ulp in the second, within (x² + 5)·u; the old x² ≤ 708 cut gave them 12 ulp), and the scaled one from there on.
    /// </summary>
    /// <summary>exp's parts with a unit seed at every probe point: e^x (±∞ beyond the range, 0 below), never NaN.</summary>
    [Fact]
    public void Exp_OverTheWholeRange_MatchesTheExactDerivatives()
    {
        foreach (double x in Points(13))
        {
            var y = HessianJet<Float64>.Exp(Seeded(x, 1));
            if (Math.Abs(x) > ExactExp.MaxArgument)
            {
                double limit = x > 0 ? double.PositiveInfinity : 0;
                Assert.Equal(limit, y.Gradient(0).Value);
                Assert.Equal(limit, y.Hessian(0, 0).Value);
                Assert.Equal(0, y.Hessian(0, 1).Value);
                continue;
            }
            var e = ExactExp.Of(x);
            AssertChain($"exp at {x:R}", y, 1, e, e);
        }
    }

    /// <summary>log's parts with a unit seed at every positive probe point: 1/x and −1/x² (−∞ beyond the range), never NaN.</summary>
    [Fact]
    public void Log_OverTheWholeRange_MatchesTheExactDerivatives()
    {
        foreach (double x in Points(7).Where(v => v > 0))
            AssertChain($"log at {x:R}", HessianJet<Float64>.Log(Seeded(x, 1)), 1, I(1 / Q(x)), I(-1 / (Q(x) * Q(x))));
    }

    /// <summary>√'s parts with a unit seed at every positive probe point: 1/(2√x) and −1/(4x√x) (±∞/0 beyond the range), never NaN.</summary>
    [Fact]
    public void Sqrt_OverTheWholeRange_MatchesTheExactDerivatives()
    {
        foreach (double x in Points(7).Where(v => v > 0))
        {
            var root = I(Q(x)).Sqrt(256);
            AssertChain($"√ at {x:R}", HessianJet<Float64>.Sqrt(Seeded(x, 1)), 1, I(new Fraction(1, 2)) / root, I(new Fraction(-1, 4)) / (I(Q(x)) * root));
        }
    }

    /// <summary>
    /// erf's and erfc's parts with a unit seed at every probe point: ±(2/√π)e^{−x²} and ∓2x·(2/√π)e^{−x²}, never NaN. Beyond
    /// |x| = 64 the exact parts are below 2^-5900 and must be 0. Tolerance 12 ulp plus the plain formula's (x² + 5) where
    /// e^{−x²} is normal (see the class summary).
    /// </summary>
    [Fact]
    public void ErfAndErfc_OverTheWholeRange_MatchTheExactDerivatives()
    {
        foreach (double x in Points(11).Concat(PlainErfEnd))
        {
            var erf = HessianJet<Float64>.Erf(Seeded(x, 1));
            var erfc = HessianJet<Float64>.Erfc(Seeded(x, 1));
            if (Math.Abs(x) > 64)
            {
                foreach (var y in new[] { erf, erfc })
                {
                    Assert.True(y.Gradient(0).Value == 0 && y.Hessian(0, 0).Value == 0, $"erf/erfc at {x:R}: {y.Gradient(0).Value:R}, {y.Hessian(0, 0).Value:R}");
                    Assert.True(y.Hessian(0, 1).Value == 0 && y.Hessian(1, 1).Value == 0, $"erf/erfc at {x:R}: unseeded parts");
                }
                continue;
            }
            var d = ErfDerivative(x);
            double ulps = Ulps + (x * x <= PlainErfSquareLimit ? x * x + 5 : 0);
            var minusTwoX = I(-2 * Q(x));
            AssertChain($"erf at {x:R}", erf, 1, d, minusTwoX * d, ulps);
            AssertChain($"erfc at {x:R}", erfc, 1, -d, -minusTwoX * d, ulps);
        }
    }

    /// <summary>1/b's parts with a unit seed at every non-zero probe point: −1/b² and 2/b³ (±∞ beyond the range), never NaN.</summary>
    [Fact]
    public void Reciprocal_OverTheWholeRange_MatchesTheExactDerivatives()
    {
        foreach (double b in Points(7).Where(v => v != 0))
        {
            var y = HessianJet<Float64>.Constant(new Float64(1)) / Seeded(b, 1);
            var q = Q(b);
            AssertPart($"1/b at {b:R}", y.Value.Value, 1 / q);
            AssertChain($"1/b at {b:R}", y, 1, I(-1 / (q * q)), I(2 / (q * q * q)));
        }
    }

    /// <summary>Products x·x at every probe point: ∂₀ = 2x, ∂₀₀ = 2 (exact), the value x² (±∞/0 beyond the range), never NaN.</summary>
    [Fact]
    public void Square_OverTheWholeRange_IsExact()
    {
        foreach (double x in Points(7))
        {
            var v = Seeded(x, 1);
            var y = v * v;
            AssertPart($"x² at {x:R}", y.Value.Value, Q(x) * Q(x));
            AssertChain($"x² at {x:R}", y, 1, I(2 * Q(x)), I(new Fraction(2)));
        }
    }
}
