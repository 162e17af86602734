using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Objectives.Generic;
using Xunit;

namespace Verification.Tests.Properties.Optimizers.Objectives.Generic;

/// <summary>
/// Inputs where the generic terms' written formulas, evaluated in <see cref="Float64"/>, answered NaN, ∞ or 0 on finite
/// data before issue 15, item 1 (the written-once formula overflows a partial product, or forms ∞ − ∞), with the exact
/// values as rationals of the inputs or derived by hand.
/// </summary>
public class GenericScalarTermRangeExamples
{
    /// <summary>u = 2^-53.</summary>
    private const double Unit = 1.1102230246251565e-16;

    private static Float64 X(double x) => new(x);

    private static Fraction Q(double x) => ExactDouble.ToFraction(x);

    /// <summary>|computed − exact| ≤ units·u·scale: the policy's accuracy on these inputs (the fallback's stated bounds are ≤ 8u·scale).</summary>
    private static void Near(Fraction exact, double computed, Fraction scale, double units)
    {
        Assert.True(double.IsFinite(computed), $"{computed:R}, exact {ExactDouble.ToDouble(exact):R}");
        var error = Fraction.Abs(Q(computed) - exact);
        Assert.True(error <= Q(units * Unit) * scale, $"{computed:R} vs exact {ExactDouble.ToDouble(exact):R}");
    }

    /// <summary>q = 1, c = −1 at 1e200: 1e400/2 − 1e600/6 is far below −MaxValue; the written form gave ∞ + (−∞) = NaN.</summary>
    [Fact]
    public void Cubic_ValueBeyondTheRange_IsMinusInfinity() =>
        Assert.Equal(double.NegativeInfinity, GenericScalarTerm.Of(new CubicTerm(1, -1)).Value(X(1e200)).Value);

    /// <summary>q = −1, c = 1 at 1e103: −1e206/2 + 1e309/6 ≈ 1.6667e308 is a double; x³ overflowed first and gave ∞.</summary>
    [Fact]
    public void Cubic_ValueWhoseCubeOverflows_IsFinite()
    {
        var x = Q(1e103);
        var exact = -x * x / 2 + x * x * x / 6;
        Near(exact, GenericScalarTerm.Of(new CubicTerm(-1, 1)).Value(X(1e103)).Value, x * x / 2 + x * x * x / 6, 8);
    }

    /// <summary>Magnitude at the same point: 1e206/2 + 1e309/6 ≈ 1.6667e308, was ∞.</summary>
    [Fact]
    public void Cubic_MagnitudeWhoseCubeOverflows_IsFinite()
    {
        var x = Q(1e103);
        var exact = x * x / 2 + x * x * x / 6;
        Near(exact, GenericScalarTerm.Of(new CubicTerm(-1, 1)).Magnitude(X(1e103)).Value, exact, 8);
    }

    /// <summary>q = 1e200, c = −1 at 1e200: φ′ = 1e400 − 1e400/2 = 5e399 is beyond MaxValue, so +∞; qx = ∞ and cx²/2 = −∞ gave NaN.</summary>
    [Fact]
    public void Cubic_FirstOfOpposingOverflows_IsPlusInfinity() =>
        Assert.Equal(double.PositiveInfinity, GenericScalarTerm.Of(new CubicTerm(1e200, -1)).First(X(1e200)).Value);

    /// <summary>q = 0, c = 1 at 1.5e154: φ′ = x²/2 ≈ 1.125e308; x² overflowed before the halving and gave ∞.</summary>
    [Fact]
    public void Cubic_FirstWhoseSquareOverflows_IsFinite()
    {
        var x = Q(1.5e154);
        Near(x * x / 2, GenericScalarTerm.Of(new CubicTerm(0, 1)).First(X(1.5e154)).Value, x * x / 2, 8);
    }

    /// <summary>q = −1e308, c = 2 at 1e308: φ″ = −1e308 + 2e308 = 1e308; c·x overflowed and gave ∞.</summary>
    [Fact]
    public void Cubic_SecondWhoseProductOverflows_IsFinite() =>
        Near(Q(-1e308) + 2 * Q(1e308), GenericScalarTerm.Of(new CubicTerm(-1e308, 2)).Second(X(1e308)).Value, 3 * Q(1e308), 8);

    /// <summary>β = s = 1 at 1e200: φ ≈ 1e400/2 is beyond MaxValue; x² = ∞ and ln(1 + x²) = ∞ gave ∞ − ∞ = NaN.</summary>
    [Fact]
    public void Lorentzian_ValueBeyondTheRange_IsPlusInfinity() =>
        Assert.Equal(double.PositiveInfinity, GenericScalarTerm.Of(new LorentzianTerm(1, 1)).Value(X(1e200)).Value);

    /// <summary>β = s = 1 at 1e200: Magnitude ≈ 1e400/2 is +∞ (never NaN).</summary>
    [Fact]
    public void Lorentzian_MagnitudeBeyondTheRange_IsPlusInfinity() =>
        Assert.Equal(double.PositiveInfinity, GenericScalarTerm.Of(new LorentzianTerm(1, 1)).Magnitude(X(1e200)).Value);

    /// <summary>
    /// β = 0, s = 1 at 1e200: φ = x·atan x − ½ln(1 + x²) ≈ 1.5708e200 is a double; ln(1 + x²) = ∞ and 0·x² … gave −∞.
    /// Exactly x·atan x − ln x − ½ln(1 + x⁻²) with atan x = π/2 − 1/x + …: π/2·1e200 − 1 − 460.5…, i.e. 1e200·π/2 to 1e-197.
    /// </summary>
    [Fact]
    public void Lorentzian_ValueOfAHugeArgument_IsFinite()
    {
        var halfPi = Q(Math.PI / 2); // within 2^-53·π/2 of π/2, far inside the 8u bound
        Near(Q(1e200) * halfPi, GenericScalarTerm.Of(new LorentzianTerm(0, 1)).Value(X(1e200)).Value, Q(1e200) * halfPi, 8);
    }

    /// <summary>
    /// β = 0, s = 1e300 at 1e200: φ″ = 1e300/(1 + 1e400) ≈ 1e-100; x² overflowed and s/∞ gave 0 (a finite wrong value).
    /// </summary>
    [Fact]
    public void Lorentzian_SecondWhoseSquareOverflows_IsNotZero()
    {
        var x = Q(1e200);
        var exact = Q(1e300) / (1 + x * x);
        Near(exact, GenericScalarTerm.Of(new LorentzianTerm(0, 1e300)).Second(X(1e200)).Value, exact, 8);
    }

    /// <summary>s = 1e308 at 10: φ″ = s·sech²(10) ≈ 8.24e299; 4s overflowed and gave ∞. Expected: the reference term.</summary>
    [Fact]
    public void LogCosh_SecondOfAHugeWeight_IsFinite()
    {
        double reference = new LogCoshTerm(1e308).Second(10);
        Assert.InRange(reference, 8.2e299, 8.3e299); // 4e308·e^-20 = 8.2446e299 (sech²10 = 4/(e^10 + e^-10)²)
        Near(Q(reference), GenericScalarTerm.Of(new LogCoshTerm(1e308)).Second(X(10)).Value, Q(reference), 16);
    }

    /// <summary>s = 1e308 at 400: sech²(400) = 4e^-800 ≈ 1.45e-347 rounds to 0, so s·sech² is ≈ 1.45e-39, within the stated 2^-1074·s of 0; ∞·0 gave NaN.</summary>
    [Fact]
    public void LogCosh_SecondOfAHugeWeightFarOut_IsNotNaN()
    {
        double second = GenericScalarTerm.Of(new LogCoshTerm(1e308)).Second(X(400)).Value;
        Assert.InRange(second, 0, 8 * double.Epsilon * 1e308);
    }

    /// <summary>a = 5e307, b = 4e307 at 2.2: φ = a·cos 2.2 + b·4.84 ≈ −2.94e307 + 1.936e308 ≈ 1.64e308; b·x² overflowed first and gave ∞.</summary>
    [Fact]
    public void CosineQuadratic_ValueWhoseSquareOverflows_IsFinite()
    {
        Fraction a = Q(5e307), b = Q(4e307), x = Q(2.2), cos = Q(Math.Cos(2.2));
        Near(a * cos + b * x * x, GenericScalarTerm.Of(new CosineQuadraticTerm(5e307, 4e307)).Value(X(2.2)).Value, Fraction.Abs(a * cos) + b * x * x, 8);
    }

    /// <summary>a = 5e307, b = 4e307 at 2.3: φ′ = −a·sin 2.3 + 2b·2.3 ≈ −3.73e307 + 1.84e308 ≈ 1.47e308; 2b·x overflowed first and gave ∞.</summary>
    [Fact]
    public void CosineQuadratic_FirstWhoseProductOverflows_IsFinite()
    {
        Fraction a = Q(5e307), b = Q(4e307), x = Q(2.3), sin = Q(Math.Sin(2.3));
        Near(-a * sin + 2 * b * x, GenericScalarTerm.Of(new CosineQuadraticTerm(5e307, 4e307)).First(X(2.3)).Value, Fraction.Abs(a * sin) + 2 * b * x, 8);
    }

    /// <summary>Other arithmetic is untouched: the exact cubic at 1e103 is the rational −x²/2 + x³/6 itself.</summary>
    [Fact]
    public void RationalIntervals_AreTheExactValue()
    {
        var x = Q(1e103);
        var value = GenericScalarTerm.Of(new CubicTerm(-1, 1)).Value(RationalInterval.Exact(1e103));
        Assert.Equal(-x * x / 2 + x * x * x / 6, value.Lower);
        Assert.Equal(value.Lower, value.Upper);
    }

    /// <summary>ulp error of a computed value against an exact enclosure [lower, upper], at most <paramref name="ulps"/>.</summary>
    private static void WithinUlps(double computed, Fraction lower, Fraction upper, double ulps)
    {
        double error = ExactDouble.UlpError(computed, new RationalInterval(lower, upper));
        Assert.True(error <= ulps, $"{computed:R} is {error:G3} ulp off [{ExactDouble.ToDouble(lower):R}, {ExactDouble.ToDouble(upper):R}]");
    }

    /// <summary>
    /// Log-cosh φ′ = s·tanh x at x = 1e-20, s = 3: within 3 ulp (the reference's s·tanh x: tanh's 2 ulp and the product's
    /// rounding) of the exact value, enclosed by s·[x − x³/3, x] (alternating series). The written (q − p)/(q + p) gave 0.
    /// </summary>
    [Fact]
    public void LogCosh_FirstNearZero_IsRelativelyAccurate()
    {
        var x = Q(1e-20);
        WithinUlps(GenericScalarTerm.Of(new LogCoshTerm(3)).First(X(1e-20)).Value, 3 * (x - x * x * x / 3), 3 * x, 3);
    }

    /// <summary>
    /// Log-cosh φ = s·log cosh x at x = 1e-10, s = 2: within 13 ulp (the reference term's stated accuracy) of the exact value,
    /// enclosed by s·[x²/2 − x⁴/12, x²/2] (log cosh x = x²/2 − x⁴/12 + x⁶/45 − …, alternating for |x| &lt; 1). The written form
    /// s(|x| + log(1 + e^{−2|x|}) − ln 2) cancelled to an absolute error of about u·s (exact 1e-20).
    /// </summary>
    [Fact]
    public void LogCosh_ValueNearZero_IsRelativelyAccurate()
    {
        var x = Q(1e-10);
        var x2 = x * x;
        WithinUlps(GenericScalarTerm.Of(new LogCoshTerm(2)).Value(X(1e-10)).Value, 2 * (x2 / 2 - x2 * x2 / 12), x2, 13);
    }

    /// <summary>
    /// Lorentzian φ at x = 1e-10, β = 0, s = 1: x·atan x − ½ln(1 + x²) = Σ_k (−1)^{k+1} x^{2k}/(2k(2k − 1)), enclosed by
    /// [x²/2 − x⁴/12, x²/2]; within 8 ulp (the reference's stated 8u for the s part). The written ln(1 + x²) rounded 1 + x² to 1
    /// and gave x², twice the exact value.
    /// </summary>
    [Fact]
    public void Lorentzian_ValueNearZero_IsRelativelyAccurate()
    {
        var x = Q(1e-10);
        var x2 = x * x;
        WithinUlps(GenericScalarTerm.Of(new LorentzianTerm(0, 1)).Value(X(1e-10)).Value, x2 / 2 - x2 * x2 / 12, x2 / 2, 8);
    }
}
