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
/// <see cref="HyperDualReal{T}"/> over <see cref="Float64"/>: log, √, erf and erfc across the whole double range (issue 15,
/// item 1), against exact rationals or 128-bit enclosures, and <see cref="Real.Log"/>'s domain. Seeds ε₁ = ε₂ = s (a power
/// of two or an exact double), so ε₁ = φ'·s and ε₁ε₂ = φ''·s². Bound as <see cref="HessianJetRangeExamples"/>: 12 ulp
/// ((k + 2)·u for the part, k ≤ 3, plus φ' and φ'' within 1.5u (log), 4.5u (√), 6u (erf beyond its plain range)), plus the
/// plain erf formula's (x² + 5) where (2/√π)e^{−x²} is normal (x² ≤ 708.517). Results beyond ±double.MaxValue must be ±∞.
/// </summary>
public class HyperDualRealRangeExamples
{
    private const double Ulps = 12;

    private static Fraction Q(double x) => ExactDouble.ToFraction(x);

    private static RationalInterval I(Fraction x) => RationalInterval.Exact(x);

    private static HyperDualReal<Float64> Seeded(double x, double s) => new(new Float64(x), new Float64(s), new Float64(s), new Float64(0));

    private static void AssertChain(string what, HyperDualReal<Float64> y, double s, RationalInterval first, RationalInterval second, double ulps = Ulps)
    {
        AssertPart($"{what} ε₁", y.E1.Value, I(Q(s)) * first, ulps);
        AssertPart($"{what} ε₂", y.E2.Value, I(Q(s)) * first, ulps);
        AssertPart($"{what} ε₁ε₂", y.E12.Value, I(Q(s) * Q(s)) * second, ulps);
    }

    /// <summary>log at 1e-200 with seeds 1e-100: ε₁ = 1e100, ε₁ε₂ = −1e-200/1e-400 = −1e200 (was −∞: (1/x)² overflowed).</summary>
    [Fact]
    public void Log_TinyArgument_SecondDerivativeIsFinite()
    {
        const double x = 1e-200, s = 1e-100;
        AssertChain("log", HyperDualReal<Float64>.Log(Seeded(x, s)), s, I(1 / Q(x)), I(-1 / (Q(x) * Q(x))));
    }

    /// <summary>√ at 2^-1074 with seeds 2^-600: ε₁ = 2^-64, ε₁ε₂ = −2^409 (was −∞: 1/s³ overflowed).</summary>
    [Fact]
    public void Sqrt_SmallestSubnormal_DerivativesAreFinite()
    {
        var y = HyperDualReal<Float64>.Sqrt(Seeded(double.Epsilon, Math.ScaleB(1, -600)));
        AssertPart("ε₁", y.E1.Value, I(ExactDouble.Pow2(-64)));
        AssertPart("ε₁ε₂", y.E12.Value, I(-ExactDouble.Pow2(409)));
    }

    /// <summary>erf and erfc at x = 30 with seeds 2^600: ε₁ = ±erf'·2^600 ≈ ±5.7e-211, ε₁ε₂ = ∓60·erf'·2^1200 (were 0: e^-900 underflowed).</summary>
    [Fact]
    public void ErfAndErfc_FarOut_ScaledDerivativesSurvive()
    {
        double s = Math.ScaleB(1, 600);
        var d = ErfDerivative(30);
        AssertChain("erf", HyperDualReal<Float64>.Erf(Seeded(30, s)), s, d, I(new Fraction(-60)) * d);
        AssertChain("erfc", HyperDualReal<Float64>.Erfc(Seeded(30, s)), s, -d, I(new Fraction(60)) * d);
    }

    /// <summary>
    /// Points about the end of erf's plain range, where (2/√π)e^{−x²} leaves the normal doubles at x² ≈ 708.517 (|x| ≈
    /// 26.618): the plain formula, whose e^{−fl(x²)} is off by up to x²·u/2, still runs in (26.5, 26.618] (at 26.615 it is
    /// 162 ulp off in the first-order part and 270 ulp in the second, within (x² + 5)·u; the old x² ≤ 708 cut gave them 12 ulp), and the scaled one from there on.
    /// </summary>
    /// <summary>log's and √'s parts with unit seeds at every positive probe point (±∞ beyond the range), never NaN.</summary>
    [Fact]
    public void LogAndSqrt_OverTheWholeRange_MatchTheExactDerivatives()
    {
        foreach (double x in Points(7).Where(v => v > 0))
        {
            var q = Q(x);
            AssertChain($"log at {x:R}", HyperDualReal<Float64>.Log(Seeded(x, 1)), 1, I(1 / q), I(-1 / (q * q)));
            var root = I(q).Sqrt(256);
            AssertChain($"√ at {x:R}", HyperDualReal<Float64>.Sqrt(Seeded(x, 1)), 1, I(new Fraction(1, 2)) / root, I(new Fraction(-1, 4)) / (I(q) * root));
        }
    }

    /// <summary>erf's and erfc's parts with unit seeds at every probe point, never NaN; beyond |x| = 64 exactly 0 (exact below 2^-5900).</summary>
    [Fact]
    public void ErfAndErfc_OverTheWholeRange_MatchTheExactDerivatives()
    {
        foreach (double x in Points(11).Concat(PlainErfEnd))
        {
            var erf = HyperDualReal<Float64>.Erf(Seeded(x, 1));
            var erfc = HyperDualReal<Float64>.Erfc(Seeded(x, 1));
            if (Math.Abs(x) > 64)
            {
                foreach (var y in new[] { erf, erfc })
                    Assert.True(y.E1.Value == 0 && y.E12.Value == 0, $"erf/erfc at {x:R}: {y.E1.Value:R}, {y.E12.Value:R}");
                continue;
            }
            var d = ErfDerivative(x);
            double ulps = Ulps + (x * x <= PlainErfSquareLimit ? x * x + 5 : 0);
            var minusTwoX = I(-2 * Q(x));
            AssertChain($"erf at {x:R}", erf, 1, d, minusTwoX * d, ulps);
            AssertChain($"erfc at {x:R}", erfc, 1, -d, -minusTwoX * d, ulps);
        }
    }

    /// <summary>
    /// Ordinary inputs keep the plain formulas bit for bit: at x = 0.3, 1.7, 2.5 with seeds 0.75, ε₁ = φ'·s and ε₁ε₂ =
    /// (φ''·s)·s with φ', φ'' written out here in doubles as the generic code forms them.
    /// </summary>
    [Fact]
    public void OrdinaryArguments_KeepThePlainFormulas()
    {
        const double s = 0.75;
        foreach (double x in new[] { 0.3, 1.7, 2.5 })
        {
            double inv = 1 / x, rootInv = 1 / Math.Sqrt(x), erf1 = 2 * Math.Exp(-(x * x)) / Math.Sqrt(Math.PI);
            var cases = new (string Name, HyperDualReal<Float64> Y, double First, double Second)[]
            {
                ("log", HyperDualReal<Float64>.Log(Seeded(x, s)), inv, -(inv * inv)),
                ("√", HyperDualReal<Float64>.Sqrt(Seeded(x, s)), rootInv / 2, -(rootInv * rootInv * rootInv) / 4),
                ("erf", HyperDualReal<Float64>.Erf(Seeded(x, s)), erf1, -2 * x * erf1),
                ("erfc", HyperDualReal<Float64>.Erfc(Seeded(x, s)), -erf1, 2 * x * erf1),
            };
            foreach (var (name, y, first, second) in cases)
            {
                Assert.True(first * s == y.E1.Value, $"{name} ε₁ at {x}: {y.E1.Value:R}, plain {first * s:R}");
                Assert.True(second * s * s == y.E12.Value, $"{name} ε₁ε₂ at {x}: {y.E12.Value:R}, plain {second * s * s:R}");
            }
        }
    }

    /// <summary>
    /// The product over Float64 is <see cref="HyperDual"/>'s: (1e300 + 1e300ε₁)·(1e10 − 1e10ε₁) has ε₁ = 1e300·(−1e10) +
    /// 1e300·1e10 = 0 (was NaN, −∞ + ∞) and its value 1e310 is +∞; e^800·0 is a DoubleRangeException (values +∞ and 0 are
    /// undetermined in doubles: e^800·e^-800 has the same factors and exact value 1).
    /// </summary>
    [Fact]
    public void Product_OverflowingPartialProducts_Cancel()
    {
        var y = new HyperDualReal<Float64>(new Float64(1e300), new Float64(1e300), new Float64(0), new Float64(0))
            * new HyperDualReal<Float64>(new Float64(1e10), new Float64(-1e10), new Float64(0), new Float64(0));
        Assert.Equal(double.PositiveInfinity, y.Value.Value);
        Assert.Equal(0, y.E1.Value);
        Assert.Equal(0, y.E12.Value);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDualReal<Float64>.Exp(Seeded(800, 1)) * HyperDualReal<Float64>.Constant(new Float64(0)), "b", "a product of values");
    }

    /// <summary>Out of the domain: log and √ below 0 or at ±0 with a derivative part, erf/erfc of NaN are ArgumentExceptions naming x (were NaN, ±∞ parts).</summary>
    [Fact]
    public void ElementaryFunctions_OutsideTheirDomain_AreRejected()
    {
        ArgumentAssert.Rejects(() => HyperDualReal<Float64>.Log(Seeded(0, 1)), "x", "log needs a value > 0 (or exactly 0 without a derivative part), got 0 with a non-zero derivative part");
        ArgumentAssert.Rejects(() => HyperDualReal<Float64>.Log(Seeded(-1, 0)), "x", "log needs a value > 0 (or exactly 0 without a derivative part), got -1.");
        ArgumentAssert.Rejects(() => HyperDualReal<Float64>.Sqrt(Seeded(-0.0, 1)), "x", "√ needs a value ≥ 0 (> 0 where it carries a derivative), got -0 with a non-zero derivative part");
        ArgumentAssert.Rejects(() => HyperDualReal<Float64>.Sqrt(Seeded(-1, 0)), "x", "√ needs a value ≥ 0 (> 0 where it carries a derivative), got -1.");
        ArgumentAssert.Rejects(() => HyperDualReal<Float64>.Erfc(Seeded(double.NaN, 1)), "x", "erf and erfc need a number (any double, ±∞ included), got NaN");
        Assert.Equal(double.NegativeInfinity, HyperDualReal<Float64>.Log(Seeded(0, 0)).Value.Value);
    }

    /// <summary>Real.Log at −1, 0 and −0 is an ArgumentException naming x (was NaN, −∞ and −∞, silently); at 2^-1074 it is −744.44… (platform log).</summary>
    [Fact]
    public void RealLog_OutsideItsDomain_IsRejected()
    {
        foreach (double x in new[] { -1.0, 0.0, -0.0, double.NaN })
            ArgumentAssert.Rejects(() => Real.Log(new Real(x)), "x", "log needs x > 0, got ");
        Assert.Equal(Math.Log(double.Epsilon), Real.Log(new Real(double.Epsilon)).Value);
    }
}
