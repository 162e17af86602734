using Fractions;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// <see cref="HyperDual"/> over the whole double range (issue 15, item 1): exp, log, tanh and the quotient against exact
/// rationals or 128-bit (tanh: 96-bit) enclosures built from the inputs. Bound, from the type's remarks: a part with one
/// term of k factors is within (k + 2)·u of the exact value of the rounded φ', φ'' and those are within 2u (exp), 2.5u
/// (1/x²), 9u (tanh''); with the ulp of the result as unit (at least u·|x|) that is at most 12 ulp, plus one subnormal ulp
/// (the floor of <see cref="ExactDouble.UlpError"/>'s unit). Results whose exact value is beyond ±double.MaxValue must be ±∞.
/// </summary>
public class HyperDualRangeExamples
{
    /// <summary>The stated per-part bound, in ulps of the exact value (see the class summary).</summary>
    private const double Ulps = 12;

    /// <summary>2^1024: an exact value at or beyond it rounds to ±∞ (MaxValue + ½ulp lies below it).</summary>
    private static readonly Fraction Overflow = ExactDouble.Pow2(1024);

    private static void AssertPart(string what, double computed, RationalInterval exact)
    {
        Assert.False(double.IsNaN(computed), $"{what}: NaN");
        if (exact.Lower >= Overflow || exact.Upper <= -Overflow)
        {
            Assert.True(double.IsInfinity(computed) && Math.Sign(computed) == exact.Lower.Sign(), $"{what}: {computed:R}, exact beyond the range");
            return;
        }
        if (Fraction.Abs(exact.Lower) > ExactDouble.ToFraction(double.MaxValue) || Fraction.Abs(exact.Upper) > ExactDouble.ToFraction(double.MaxValue))
            return; // between MaxValue and 2^1024 either rounding is correct
        Assert.True(double.IsFinite(computed), $"{what}: {computed:R}, exact finite");
        double err = ExactDouble.UlpError(computed, exact);
        Assert.True(err <= Ulps, $"{what}: {computed:R} is {err:G3} ulp off");
    }

    private static void AssertPart(string what, double computed, Fraction exact) => AssertPart(what, computed, RationalInterval.Exact(exact));

    private static Fraction Q(double x) => ExactDouble.ToFraction(x);

    /// <summary>e^800 with ε₂ unseeded: the ε₂ and ε₁ε₂ parts are e^800·0 = 0 (were NaN, ∞·0); the value and ε₁ part are beyond the range.</summary>
    [Fact]
    public void Exp_BeyondTheRange_UnseededPartsAreZero()
    {
        var y = HyperDual.Exp(new HyperDual(800, 1, 0, 0));
        Assert.Equal(double.PositiveInfinity, y.Value);
        Assert.Equal(double.PositiveInfinity, y.E1);
        Assert.Equal(0, y.E2);
        Assert.Equal(0, y.E12);
    }

    /// <summary>e^710 ≈ 2.2e308 is beyond the range, but ½e^710 and ¼e^710 are not (were +∞).</summary>
    [Fact]
    public void Exp_JustBeyondTheRange_HalvedDerivativeIsFinite()
    {
        var y = HyperDual.Exp(new HyperDual(710, 0.5, 0.5, 0));
        var e = ExactExp.Of(710);
        Assert.Equal(double.PositiveInfinity, y.Value);
        AssertPart("ε₁", y.E1, RationalInterval.Exact(new Fraction(1, 2)) * e);
        AssertPart("ε₁ε₂", y.E12, RationalInterval.Exact(new Fraction(1, 4)) * e);
    }

    /// <summary>e^-800 underflows, but e^-800·2^600 ≈ 1.5e-167 and e^-800·2^1200 ≈ 6e13 do not (were 0).</summary>
    [Fact]
    public void Exp_BelowTheRange_ScaledDerivativesSurvive()
    {
        double s = Math.ScaleB(1, 600);
        var y = HyperDual.Exp(new HyperDual(-800, s, s, 0));
        var e = ExactExp.Of(-800);
        Assert.Equal(0, y.Value);
        AssertPart("ε₁", y.E1, RationalInterval.Exact(Q(s)) * e);
        AssertPart("ε₁ε₂", y.E12, RationalInterval.Exact(Q(s) * Q(s)) * e);
    }

    /// <summary>log at x = 1e-200 with seeds 1e-100: ε₁ = 1e100, ε₁ε₂ = −1e-200/x² = −1e200 (was −∞: x·x underflowed).</summary>
    [Fact]
    public void Log_TinyArgument_SecondDerivativeIsFinite()
    {
        double x = 1e-200, s = 1e-100;
        var y = HyperDual.Log(new HyperDual(x, s, s, 0));
        AssertPart("ε₁", y.E1, Q(s) / Q(x));
        AssertPart("ε₁ε₂", y.E12, -Q(s) * Q(s) / (Q(x) * Q(x)));
    }

    /// <summary>log at x = 1.4e154: −1/x² ≈ −5.1e-309 is a subnormal double (was −0: x·x overflowed).</summary>
    [Fact]
    public void Log_LargeArgument_SecondDerivativeIsSubnormalNotZero()
    {
        double x = 1.4e154;
        var y = HyperDual.Log(new HyperDual(x, 1, 1, 0));
        AssertPart("ε₁ε₂", y.E12, -1 / (Q(x) * Q(x)));
        Assert.NotEqual(0, y.E12);
    }

    /// <summary>
    /// log'' = −1/x² within its stated 2.5u where x² ∈ (2^1022, double.MaxValue], so that −1/x² is subnormal: seeds 2^500
    /// make ε₁ε₂ = −2^1000/x² a normal double with no rounding of its own (the seeds' mantissas are 1), so its relative
    /// error is φ''s. At x = 0x1.ff756ac967382p+511 the plain −1/(x·x) rounded to the subnormal grid was 4.4u off (exact
    /// from rationals; found by a search over x in [2^511, 2^512)).
    /// </summary>
    [Fact]
    public void Log_ArgumentWhoseInverseSquareIsSubnormal_SecondDerivativeWithinItsBound()
    {
        double x = BitConverter.Int64BitsToDouble(0x5FEFF756AC967382), seed = Math.ScaleB(1, 500);
        Assert.Equal(1.3393631809738953e154, x);
        var y = HyperDual.Log(new HyperDual(x, seed, seed, 0));
        var exact = -Q(seed) * Q(seed) / (Q(x) * Q(x));
        var relative = Fraction.Abs((Q(y.E12) - exact) / exact);
        Assert.True(relative <= new Fraction(5, 2) * ExactDouble.Pow2(-53), $"ε₁ε₂ = {y.E12:R}: {(relative / ExactDouble.Pow2(-53)).ToDouble():G3}u off");
    }

    /// <summary>log below 0, of NaN, or at 0 with a derivative part is an ArgumentException naming x (was NaN or −∞·0).</summary>
    [Fact]
    public void Log_OutsideItsDomain_IsRejected()
    {
        ArgumentAssert.Rejects(() => HyperDual.Log(new HyperDual(-1, 1, 0, 0)), "x", "log needs a value > 0 (or exactly 0 for a constant), got -1 with derivative parts (1, 0, 0)");
        ArgumentAssert.Rejects(() => HyperDual.Log(new HyperDual(double.NaN, 0, 0, 0)), "x", "log needs a value > 0 (or exactly 0 for a constant), got NaN with derivative parts (0, 0, 0)");
        ArgumentAssert.Rejects(() => HyperDual.Log(new HyperDual(0, 1, 0, 0)), "x", "log needs a value > 0 (or exactly 0 for a constant), got 0 with derivative parts (1, 0, 0)");
        Assert.Equal(double.NegativeInfinity, HyperDual.Log(HyperDual.Constant(0)).Value);
    }

    /// <summary>tanh at 20: sech²20 ≈ 1.7e-17 and −2tanh·sech² (were 0 and −0: 1 − tanh² with tanh 20 rounded to 1).</summary>
    [Fact]
    public void Tanh_LargeArgument_DerivativesDoNotCancel()
    {
        var y = HyperDual.Tanh(new HyperDual(20, 1, 1, 0));
        var s = TanhEnclosures.SechSquared(new Fraction(20));
        AssertPart("ε₁", y.E1, s);
        AssertPart("ε₁ε₂", y.E12, RationalInterval.Exact(new Fraction(-2)) * TanhEnclosures.Tanh(new Fraction(20)) * s);
    }

    /// <summary>tanh at −400 with seeds 2^600: sech²(400)·2^600 ≈ 6e-167 (was 0: sech² underflows alone).</summary>
    [Fact]
    public void Tanh_FarOut_ScaledDerivativeSurvives()
    {
        double seed = Math.ScaleB(1, 600);
        var y = HyperDual.Tanh(new HyperDual(-400, seed, seed, 0));
        var s = TanhEnclosures.SechSquared(new Fraction(400));
        AssertPart("ε₁", y.E1, RationalInterval.Exact(Q(seed)) * s);
        AssertPart("ε₁ε₂", y.E12, RationalInterval.Exact(2 * Q(seed) * Q(seed)) * TanhEnclosures.Tanh(new Fraction(400)) * s);
    }

    /// <summary>1/b at b = 1e200 with seeds 1e200: ε₁ = −b₁/b² = −1e-200, ε₁ε₂ = 2b₁b₂/b³ = 2e-200 (were 0: 1/b² underflowed).</summary>
    [Fact]
    public void Quotient_LargeDivisor_DerivativesSurvive()
    {
        double b = 1e200;
        var y = HyperDual.Constant(1) / new HyperDual(b, b, b, 0);
        AssertPart("value", y.Value, 1 / Q(b));
        AssertPart("ε₁", y.E1, -Q(b) / (Q(b) * Q(b)));
        AssertPart("ε₁ε₂", y.E12, 2 * Q(b) * Q(b) / (Q(b) * Q(b) * Q(b)));
    }

    /// <summary>
    /// x/x at x = 1e200 (both seeded): the exact derivatives are 0; forward mode's honest bound is (k + 2)·u (k = 3) times
    /// the terms' magnitudes, 2e-200 for ε₁ (ε₁ε₂'s terms are about 1e-400, below the range). Before: ε₁ = 1e-200 (the
    /// term −x·b₁/b² underflowed alone).
    /// </summary>
    [Fact]
    public void Quotient_SelfRatio_DerivativesCancelToRoundingLevel()
    {
        var x = new HyperDual(1e200, 1, 1, 0);
        var y = x / x;
        double u = Math.ScaleB(1, -53);
        Assert.Equal(1, y.Value);
        Assert.True(Math.Abs(y.E1) <= 5 * u * 2e-200, $"{y.E1:R}");
        Assert.True(Math.Abs(y.E12) <= double.Epsilon, $"{y.E12:R}");
    }

    /// <summary>(1e300 + 1e300ε₁)·(1e10 − 1e10ε₁): ε₁ = 1e300·(−1e10) + 1e300·1e10 = 0 (was NaN, −∞ + ∞); the value 1e310 is +∞.</summary>
    [Fact]
    public void Product_OverflowingPartialProducts_Cancel()
    {
        var y = new HyperDual(1e300, 1e300, 0, 0) * new HyperDual(1e10, -1e10, 0, 0);
        Assert.Equal(double.PositiveInfinity, y.Value);
        Assert.Equal(0, y.E1);
        Assert.Equal(0, y.E12);
    }

    /// <summary>A divisor whose value is 0 or NaN is an ArgumentException naming b (was ±∞ and NaN parts).</summary>
    [Fact]
    public void Quotient_ByZero_IsRejected()
    {
        ArgumentAssert.Rejects(() => _ = HyperDual.Constant(1) / new HyperDual(0, 1, 0, 0), "b", "the divisor's value must be a non-zero number, got 0");
        ArgumentAssert.Rejects(() => _ = HyperDual.Constant(1) / HyperDual.Constant(-0.0), "b", "the divisor's value must be a non-zero number, got -0");
        ArgumentAssert.Rejects(() => _ = HyperDual.Constant(1) / HyperDual.Constant(double.NaN), "b", "the divisor's value must be a non-zero number, got NaN");
    }

    /// <summary>exp's parts with unit seeds at every probe point: e^x (±∞ beyond the range, 0 below), never NaN.</summary>
    [Fact]
    public void Exp_OverTheWholeRange_MatchesTheExactDerivatives()
    {
        foreach (double x in ForwardModeRange.Points(13))
        {
            var y = HyperDual.Exp(new HyperDual(x, 1, 1, 0));
            if (Math.Abs(x) > ExactExp.MaxArgument)
            {
                double limit = x > 0 ? double.PositiveInfinity : 0;
                Assert.Equal(limit, y.E1);
                Assert.Equal(limit, y.E12);
                continue;
            }
            var e = ExactExp.Of(x);
            AssertPart($"exp ε₁ at {x:R}", y.E1, e);
            AssertPart($"exp ε₁ε₂ at {x:R}", y.E12, e);
        }
    }

    /// <summary>log's parts with unit seeds at every positive probe point: 1/x and −1/x² (−∞ beyond the range), never NaN.</summary>
    [Fact]
    public void Log_OverTheWholeRange_MatchesTheExactDerivatives()
    {
        foreach (double x in ForwardModeRange.Points(7).Where(v => v > 0))
        {
            var y = HyperDual.Log(new HyperDual(x, 1, 1, 0));
            AssertPart($"log ε₁ at {x:R}", y.E1, 1 / Q(x));
            AssertPart($"log ε₁ε₂ at {x:R}", y.E12, -1 / (Q(x) * Q(x)));
        }
    }

    /// <summary>tanh's parts with unit seeds at every probe point: sech²x and −2tanh x·sech²x (0 where below the range), never NaN.</summary>
    [Fact]
    public void Tanh_OverTheWholeRange_MatchesTheExactDerivatives()
    {
        foreach (double x in ForwardModeRange.Points(11))
        {
            var y = HyperDual.Tanh(new HyperDual(x, 1, 1, 0));
            var a = Q(x);
            var s = TanhEnclosures.SechSquared(a);
            AssertPart($"tanh ε₁ at {x:R}", y.E1, s);
            AssertPart($"tanh ε₁ε₂ at {x:R}", y.E12, RationalInterval.Exact(new Fraction(-2)) * TanhEnclosures.Tanh(a) * s);
        }
    }

    /// <summary>1/b's parts with unit seeds at every non-zero probe point: −1/b² and 2/b³ (±∞ beyond the range), never NaN.</summary>
    [Fact]
    public void Reciprocal_OverTheWholeRange_MatchesTheExactDerivatives()
    {
        foreach (double b in ForwardModeRange.Points(7).Where(v => v != 0))
        {
            var y = HyperDual.Constant(1) / new HyperDual(b, 1, 1, 0);
            var q = Q(b);
            AssertPart($"1/b at {b:R}", y.Value, 1 / q);
            AssertPart($"1/b ε₁ at {b:R}", y.E1, -1 / (q * q));
            AssertPart($"1/b ε₁ε₂ at {b:R}", y.E12, 2 / (q * q * q));
        }
    }

    /// <summary>The generic hyper-dual over Float64 shares HyperDual's exp: e^800 with ε₂ unseeded has ε₂ = ε₁ε₂ = 0 (were NaN).</summary>
    [Fact]
    public void GenericExpOverFloat64_BeyondTheRange_UnseededPartsAreZero()
    {
        var y = HyperDualReal<Float64>.Exp(HyperDualReal<Float64>.Variable(new Float64(800), true, false));
        Assert.Equal(double.PositiveInfinity, y.E1.Value);
        Assert.Equal(0, y.E2.Value);
        Assert.Equal(0, y.E12.Value);
    }

    /// <summary>The generic hyper-dual over Float64 shares HyperDual's quotient: x/x at 1e200 has ε₁ within 5u·2e-200 of 0 (was 1e-200).</summary>
    [Fact]
    public void GenericQuotientOverFloat64_SelfRatio_DerivativesCancelToRoundingLevel()
    {
        var x = HyperDualReal<Float64>.Variable(new Float64(1e200), true, true);
        var y = x / x;
        Assert.Equal(1, y.Value.Value);
        Assert.True(Math.Abs(y.E1.Value) <= 5 * Math.ScaleB(1, -53) * 2e-200, $"{y.E1.Value:R}");
        ArgumentAssert.Rejects(() => _ = x / HyperDualReal<Float64>.Constant(new Float64(0)), "b", "the divisor's value must be a non-zero number, got 0");
    }

    /// <summary>
    /// A part that has overflowed to ±∞ (e^800's value and ε₁ part, both correctly beyond the range) entering the next
    /// operation: 2·e^800 has ε₁ = 2e^800 beyond the range (+∞) and ε₂ = ε₁ε₂ = 0 (no seed), as for e^800 itself, and
    /// −2·e^800 has −∞. The scaled sums rejected the infinite factor, an ArgumentException naming "factors", a name the
    /// caller never passed. This test asserted that e^800·(−½) has ε₁ = −∞ too: that was gap 6 itself. −½e^800 ≈ −1.4e347
    /// is beyond the range, but the doubles only say that e^800 is at least T = 2^1024 − 2^970, and −½·T ≈ −9.0e307 is
    /// within it: e^710·(−½) ≈ −1.1e308 has the same double factors (+∞, −½) and would have come out −∞ as well. A factor
    /// below 1 in magnitude beside an overflowed part is now a <see cref="DoubleRangeException"/>.
    /// </summary>
    [Fact]
    public void Product_WithAPartBeyondTheRange_PropagatesInfinityAndKeepsZeroParts()
    {
        var e800 = HyperDual.Exp(new HyperDual(800, 1, 0, 0));
        foreach (var y in new[] { e800 * HyperDual.Constant(2), HyperDual.Constant(2) * e800 })
        {
            Assert.Equal(double.PositiveInfinity, y.Value);
            Assert.Equal(double.PositiveInfinity, y.E1);
            Assert.Equal(0, y.E2);
            Assert.Equal(0, y.E12);
        }
        var negated = e800 * HyperDual.Constant(-2);
        Assert.Equal((double.NegativeInfinity, double.NegativeInfinity, 0.0, 0.0), (negated.Value, negated.E1, negated.E2, negated.E12)); // −2T is beyond the range
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = e800 * HyperDual.Constant(-0.5), "b", "a ±∞ here stands for an exact value beyond ±double.MaxValue");
        var e710 = HyperDual.Exp(new HyperDual(710, 1, 0, 0));
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = e710 * HyperDual.Constant(-0.5), "b", "a ±∞ here stands for an exact value beyond ±double.MaxValue");
    }

    /// <summary>
    /// Values ±∞ and ±0 in one product are undetermined in doubles: e^800·e^-800 (exact 1) and e^800·0 (exact 0) have the
    /// same double factors (+∞, 0), so neither answer can be given; the product names b. It gave 0 for both (and NaN before
    /// that). Log and √ of an overflowed value with a derivative part: log(e^800) had ε₁ = 0 (exact 1). Each is a
    /// <see cref="DoubleRangeException"/>: the input is valid, doubles cannot answer. Log of a constant +∞ was asserted to be
    /// +∞ ("without a derivative part nothing is lost"); but +∞ stands for an exact value beyond the range, whose log is
    /// finite and undetermined (log(e^710) = 710, log(e^800) = 800: the same double +∞), so that +∞ was wrong too (gap 6)
    /// and is now rejected.
    /// </summary>
    [Fact]
    public void ProductOfInfinityAndZero_AndLogOfAnOverflowedValue_AreRejected()
    {
        var e800 = HyperDual.Exp(new HyperDual(800, 1, 0, 0));
        var eMinus800 = HyperDual.Exp(new HyperDual(-800, 1, 0, 0));
        Assert.Equal(0, eMinus800.Value);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = e800 * eMinus800, "b", "a product of values");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = eMinus800 * e800, "b", "a product of values");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = e800 * HyperDual.Constant(0), "b", "a product of values");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDual.Log(e800), "x", "log of a value beyond the double range (+∞");
        var generic = HyperDualReal<Float64>.Exp(HyperDualReal<Float64>.Variable(new Float64(800), true, false));
        var genericSmall = HyperDualReal<Float64>.Exp(HyperDualReal<Float64>.Variable(new Float64(-800), true, false));
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = generic * genericSmall, "b", "a product of values");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDualReal<Float64>.Log(generic), "x", "log of a value beyond the double range (+∞");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDualReal<Float64>.Sqrt(generic), "x", "√ of a value beyond the double range (+∞");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDual.Log(HyperDual.Constant(double.PositiveInfinity)), "x",
            "log of a value beyond the double range (+∞, e.g. an overflowed e^x): it is finite");
        // A finite value times 0 is 0.
        Assert.Equal(0, (HyperDual.Constant(1e308) * HyperDual.Constant(0)).Value);
    }

    /// <summary>
    /// e^800/½ (ε₁ = 2e^800, beyond the range) and exp(e^800) (every seeded part beyond, the others 0): same as above. This
    /// test asserted that e^800/2 is (+∞, +∞, 0, 0): that was gap 6. e^800/2 ≈ 1.4e347 is beyond the range, but e^710/2 ≈
    /// 1.1e308 is not, and both are +∞ over 2 in doubles; a ±∞ value or part over a divisor above 1 in magnitude is now a
    /// <see cref="DoubleRangeException"/>.
    /// </summary>
    [Fact]
    public void QuotientAndExp_OfAPartBeyondTheRange_PropagateInfinityAndKeepZeroParts()
    {
        var e800 = HyperDual.Exp(new HyperDual(800, 1, 0, 0));
        var twice = e800 / HyperDual.Constant(0.5);
        Assert.Equal((double.PositiveInfinity, double.PositiveInfinity, 0.0, 0.0), (twice.Value, twice.E1, twice.E2, twice.E12));
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = e800 / HyperDual.Constant(2), "b", "a ±∞ here stands for an exact value beyond ±double.MaxValue");
        var nested = HyperDual.Exp(e800);
        Assert.Equal((double.PositiveInfinity, double.PositiveInfinity, 0.0, 0.0), (nested.Value, nested.E1, nested.E2, nested.E12));
        var generic = HyperDualReal<Float64>.Exp(HyperDualReal<Float64>.Exp(HyperDualReal<Float64>.Variable(new Float64(800), true, false)));
        Assert.Equal((double.PositiveInfinity, 0.0, 0.0), (generic.E1.Value, generic.E2.Value, generic.E12.Value));
    }

    /// <summary>
    /// Infinite terms of both signs in one part (∞ − ∞), the one case whose exact value is not known from the parts: a =
    /// e^(800 + ε₁), b = e^(800 − ε₁) have ε₁ parts +∞ and −∞, so (ab)₁ = a·b₁ + a₁·b = −∞ + ∞ (exact 0). It was returned as a
    /// NaN part; now a <see cref="DoubleRangeException"/> (the input is valid, doubles cannot answer). The same in a sum:
    /// a₁ + b₁ with a₁ = +∞, b₁ = −∞ was NaN. A sum of infinities of one sign stays ±∞.
    /// </summary>
    [Fact]
    public void InfiniteTermsOfBothSigns_AreUndetermined_NotNaN()
    {
        var a = HyperDual.Exp(new HyperDual(800, 1, 0, 0));
        var b = HyperDual.Exp(new HyperDual(800, -1, 0, 0));
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = a * b, "b", "a derivative part sums terms beyond ±double.MaxValue of both signs (∞ − ∞)"); // ε₁ = a·b₁ + a₁·b = −e^1600 + e^1600: opposite signs beyond the range
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = a + b, "b", "∞ − ∞ is undetermined in doubles (both are values or parts beyond ±double.MaxValue)");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = a - a, "b", "∞ − ∞ is undetermined in doubles (both are values or parts beyond ±double.MaxValue)");
        static HyperDualReal<Float64> Generic(HyperDual x) => new(new Float64(x.Value), new Float64(x.E1), new Float64(x.E2), new Float64(x.E12));
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = Generic(a) + Generic(b), "b", "∞ − ∞ is undetermined in doubles (both are values or parts beyond ±double.MaxValue)");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = Generic(a) - Generic(a), "b", "∞ − ∞ is undetermined in doubles (both are values or parts beyond ±double.MaxValue)");
        var twice = a + a;
        Assert.Equal((double.PositiveInfinity, double.PositiveInfinity, 0.0, 0.0), (twice.Value, twice.E1, twice.E2, twice.E12));
    }

    /// <summary>exp and tanh of a NaN value are ArgumentExceptions naming x (were NaN, passed through).</summary>
    [Fact]
    public void ExpAndTanh_OfNaN_AreRejected()
    {
        ArgumentAssert.Rejects(() => HyperDual.Exp(new HyperDual(double.NaN, 1, 0, 0)), "x", "exp needs a number (any double, ±∞ included), got NaN");
        ArgumentAssert.Rejects(() => HyperDual.Tanh(HyperDual.Constant(double.NaN)), "x", "tanh needs a number (any double, ±∞ included), got NaN");
        ArgumentAssert.Rejects(() => HessianJet<Float64>.Exp(HessianJet<Float64>.Variable(new Float64(double.NaN), 0, 1)),
            "x", "exp needs a number (any double, ±∞ included), got NaN");
    }
}
