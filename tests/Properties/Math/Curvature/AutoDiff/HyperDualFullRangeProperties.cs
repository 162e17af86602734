using Fractions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verification.Numerics;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// <see cref="HyperDual"/>'s operators and functions (+, −, unary −, ×, ÷, exp, log, tanh) with all four parts drawn over
/// the whole double range (subnormals to ±double.MaxValue, ±0, unseeded zero parts), each part against its exact value:
/// rationals for the arithmetic, enclosures for the transcendental ones (exp 128-bit, log 200-bit,
/// <see cref="TanhEnclosures"/>). Issue 15, item 1: every part is (i) within γ_n·Σ|terms| + 2^-1074 of the exact value
/// (γ_n = n·u/(1 − n·u), u = 2^-53, Σ|terms| the exact sum of its terms' magnitudes, 2^-1074 for one rounding onto the
/// subnormal grid), (ii) ±∞ only where exact ± that bound reaches the overflow threshold 2^1024 − 2^970, never NaN, and
/// (iii) never a rejection: the inputs are exact finite doubles, so every result is determined (only the documented domain
/// errors, log of a value below 0 or at 0 with a part, and a divisor 0, are ArgumentExceptions, and required there).
/// </summary>
/// <remarks>
/// n per part, counted from the code (first order; γ_n covers the higher orders), the statement of HyperDual's remarks:
/// sum 1 (one rounding); product: value 1, ε₁/ε₂ 2 (two products, one sum), ε₁ε₂ 4 (a product, three sums; the scaled
/// form rounds once); quotient: value 2 (1/b, then a·(1/b)), ε₁/ε₂ 5 (1/b, its square, ×b₁, ×a, one sum), ε₁ε₂ 12 (1/b
/// cubed 3, four products, the inner sum, ×a, three sums; the scaled form: 1/b ½, r², r³ 5, one final rounding);
/// exp: value 2 (the platform exp within 1 ulp ≤ 2u relative), ε₁/ε₂ 3 (e^x 2, one product), ε₁ε₂ 5 (e^x 2, two
/// products, one sum); log: value 2 (platform, 1 ulp), ε₁/ε₂ 2 (1/x 1, one product), ε₁ε₂ 6 (−1/x² 2.5, two products,
/// one sum); tanh: value 4 (platform tanh within 2 ulp), ε₁/ε₂ 7 (sech² 6, one product), ε₁ε₂ 12 (−2tanh·sech² 9, two
/// products, one sum).
/// </remarks>
[Properties(MaxTest = 400)]
public class HyperDualFullRangeProperties
{
    private static readonly Fraction Tiny = ExactDouble.Pow2(-1074);

    private static Fraction Q(double x) => ExactDouble.ToFraction(x);

    private static RationalInterval I(Fraction x) => RationalInterval.Exact(x);

    private static RationalInterval I(double x) => RationalInterval.Exact(Q(x));

    private static Fraction Mag(RationalInterval x) => Fraction.Abs(x.Lower) > Fraction.Abs(x.Upper) ? Fraction.Abs(x.Lower) : Fraction.Abs(x.Upper);

    /// <summary>γ_n = n·u/(1 − n·u).</summary>
    private static Fraction Gamma(double n)
    {
        var nu = Q(n) * ExactDouble.Pow2(-53);
        return nu / (1 - nu);
    }

    /// <summary>A part from anywhere in the range, ±0, an unseeded 0, or an ordinary value.</summary>
    private static Gen<double> PartGen { get; } = Gen.Frequency(
        (5, FullRangeDoubles.Signed),
        (2, Gen.Constant(0.0)),
        (2, FullRangeDoubles.Moderate.SelectMany(x => Gen.Elements(x, -x))));

    /// <summary>An ordinary part (±2^-8…2^8, or 0), where the plain formulas run (every part 0 or in [2^-100, 2^100]).</summary>
    private static Gen<double> OrdinaryPart { get; } = Gen.Frequency(
        (1, Gen.Constant(0.0)), (4, FullRangeDoubles.Moderate.SelectMany(x => Gen.Elements(x, -x))));

    private static Gen<HyperDual> Build(Gen<double> part) =>
        from a in part
        from b in part
        from c in part
        from d in part
        select new HyperDual(a, b, c, d);

    /// <summary>Numbers with parts from the whole range, or (1 in 3) all ordinary, so that the plain branches are reached too.</summary>
    private static Gen<HyperDual> Numbers { get; } = Gen.Frequency((2, Build(PartGen)), (1, Build(OrdinaryPart)));

    /// <summary>Values for exp and tanh: the whole range, or |x| ≤ 2300 where e^x times a part may still be a double's.</summary>
    private static Gen<double> Argument { get; } = Gen.Frequency(
        (2, FullRangeDoubles.Signed),
        (3, from i in Gen.Choose(-2300, 2299) from m in FullRangeDoubles.MantissaBits select i + m / 4503599627370496.0),
        (1, FullRangeDoubles.Moderate.SelectMany(x => Gen.Elements(x, -x))));

    private static Gen<HyperDual> Arguments { get; } = Gen.Frequency(
        (2, from a in Argument from b in PartGen from c in PartGen from d in PartGen select new HyperDual(a, b, c, d)),
        (1, from a in Argument from b in OrdinaryPart from c in OrdinaryPart from d in OrdinaryPart select new HyperDual(a, b, c, d)));

    /// <summary>One part against its exact enclosure: (i) and (ii) of the class summary.</summary>
    private static Property Part(string what, double computed, RationalInterval exact, Fraction scale, double n)
    {
        var bound = Gamma(n) * scale + Tiny;
        var t = ExactAgreement.OverflowThreshold;
        string at = $"{what}: computed {computed:R}, exact ≈ {ExactDouble.ToDouble(exact.Lower):R}";
        if (double.IsNaN(computed))
            return false.Label($"{at}: NaN");
        if (double.IsPositiveInfinity(computed))
            return (exact.Upper + bound >= t).Label($"{at}: +∞ where the exact value is within the range");
        if (double.IsNegativeInfinity(computed))
            return (exact.Lower - bound <= -t).Label($"{at}: −∞ where the exact value is within the range");
        var c = Q(computed);
        var error = Fraction.Abs(c - exact.Lower) > Fraction.Abs(c - exact.Upper) ? Fraction.Abs(c - exact.Lower) : Fraction.Abs(c - exact.Upper);
        return (error <= bound).Label($"{at}: error {ExactDouble.ToDouble(error):R} above γ_{n}·Σ|terms| + 2^-1074 = {ExactDouble.ToDouble(bound):R}");
    }

    /// <summary>The four parts against (exact, Σ|terms|, n) each; any exception is a failure.</summary>
    private static Property Parts(string what, Func<HyperDual> compute, params (RationalInterval Exact, Fraction Scale, double N)[] expected)
    {
        HyperDual r;
        try
        {
            r = compute();
        }
        catch (ArgumentException e)
        {
            return false.Label($"{what}: rejected ({e.GetType().Name}: {e.Message}) though every input is an exact finite double");
        }
        return Part($"{what} value", r.Value, expected[0].Exact, expected[0].Scale, expected[0].N)
            .And(Part($"{what} ε₁", r.E1, expected[1].Exact, expected[1].Scale, expected[1].N))
            .And(Part($"{what} ε₂", r.E2, expected[2].Exact, expected[2].Scale, expected[2].N))
            .And(Part($"{what} ε₁ε₂", r.E12, expected[3].Exact, expected[3].Scale, expected[3].N));
    }

    /// <summary>A sum Σ t_i of exact terms: (Σ t_i, Σ|t_i|, n).</summary>
    private static (RationalInterval, Fraction, double) Sum(double n, params Fraction[] terms) =>
        (I(terms.Aggregate(Fraction.Zero, (s, x) => s + x)), terms.Aggregate(Fraction.Zero, (s, x) => s + Fraction.Abs(x)), n);

    /// <summary>A sum of enclosed terms: (Σ t_i, Σ max|t_i|, n).</summary>
    private static (RationalInterval, Fraction, double) Sum(double n, params RationalInterval[] terms) =>
        (terms.Aggregate(I(Fraction.Zero), (s, x) => s + x), terms.Aggregate(Fraction.Zero, (s, x) => s + Mag(x)), n);

    private static string Show(HyperDual x) => $"({x.Value:R}, {x.E1:R}, {x.E2:R}, {x.E12:R})";

    [Property]
    public Property SumAndDifference_AreCorrectlyRounded() => Prop.ForAll(Numbers.ToArbitrary(), Numbers.ToArbitrary(), (a, b) =>
    {
        string at = $"{Show(a)} ± {Show(b)}";
        return Parts($"{at} sum", () => a + b,
                Sum(1, Q(a.Value), Q(b.Value)), Sum(1, Q(a.E1), Q(b.E1)), Sum(1, Q(a.E2), Q(b.E2)), Sum(1, Q(a.E12), Q(b.E12)))
            .And(Parts($"{at} difference", () => a - b,
                Sum(1, Q(a.Value), -Q(b.Value)), Sum(1, Q(a.E1), -Q(b.E1)), Sum(1, Q(a.E2), -Q(b.E2)), Sum(1, Q(a.E12), -Q(b.E12))))
            .And(Parts($"{at} negation", () => -a, Sum(0, -Q(a.Value)), Sum(0, -Q(a.E1)), Sum(0, -Q(a.E2)), Sum(0, -Q(a.E12))));
    });

    [Property]
    public Property Product_IsWithinItsBound() => Prop.ForAll(Numbers.ToArbitrary(), Numbers.ToArbitrary(), (a, b) =>
    {
        Fraction a0 = Q(a.Value), a1 = Q(a.E1), a2 = Q(a.E2), a12 = Q(a.E12), b0 = Q(b.Value), b1 = Q(b.E1), b2 = Q(b.E2), b12 = Q(b.E12);
        return Parts($"{Show(a)} × {Show(b)}", () => a * b,
            Sum(1, a0 * b0), Sum(2, a0 * b1, a1 * b0), Sum(2, a0 * b2, a2 * b0), Sum(4, a0 * b12, a1 * b2, a2 * b1, a12 * b0));
    });

    [Property]
    public Property Quotient_IsWithinItsBound_OrRejectedForAZeroDivisor() => Prop.ForAll(Numbers.ToArbitrary(), Numbers.ToArbitrary(), (a, b) =>
    {
        string at = $"{Show(a)} ÷ {Show(b)}";
        if (b.Value == 0)
            return Rejected(at, () => a / b, "the divisor's value must be a non-zero number");
        Fraction a0 = Q(a.Value), a1 = Q(a.E1), a2 = Q(a.E2), a12 = Q(a.E12), b0 = Q(b.Value), b1 = Q(b.E1), b2 = Q(b.E2), b12 = Q(b.E12);
        Fraction r1 = 1 / b0, r2 = r1 * r1, r3 = r2 * r1;
        // q = a/b; q₁ = a₁/b − a·b₁/b²; q₁₂ = a₁₂/b − (a₁b₂ + a₂b₁ + a·b₁₂)/b² + 2a·b₁b₂/b³.
        return Parts(at, () => a / b,
            Sum(2, a0 * r1), Sum(5, a1 * r1, -a0 * b1 * r2), Sum(5, a2 * r1, -a0 * b2 * r2),
            Sum(12, a12 * r1, -a1 * b2 * r2, -a2 * b1 * r2, -a0 * b12 * r2, 2 * a0 * b1 * b2 * r3));
    });

    /// <summary>Required to throw an ArgumentException (not a <see cref="DoubleRangeException"/>) whose message holds <paramref name="message"/>.</summary>
    private static Property Rejected(string at, Func<HyperDual> compute, string message)
    {
        try
        {
            var r = compute();
            return false.Label($"{at}: {Show(r)}, expected a rejection");
        }
        catch (ArgumentException e)
        {
            return (e is not DoubleRangeException && e.Message.Contains(message, StringComparison.Ordinal)).Label($"{at}: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>φ(x) = φ(a) + φ'(a)(bε₁ + cε₂) + (φ'(a)d + φ''(a)bc)ε₁ε₂ against enclosures f, f', f''.</summary>
    private static Property Chain(string what, HyperDual x, Func<HyperDual> compute, RationalInterval f, RationalInterval d1, RationalInterval d2,
        double nValue, double nFirst, double nSecond) =>
        Parts($"{what} of {Show(x)}", compute, (f, Mag(f), nValue), Sum(nFirst, d1 * I(x.E1)), Sum(nFirst, d1 * I(x.E2)),
            Sum(nSecond, d1 * I(x.E12), d2 * I(Q(x.E1) * Q(x.E2))));

    /// <summary>
    /// e^a enclosed: 128 bits for |a| ≤ 2300; below, [0, e^-2300] (times any part, below 2^-1270: rounds to 0); above,
    /// e^2300's lower end stands in (≥ 2^3318: times any non-zero part, or 2^-2148 for b·c, far beyond the range, as the
    /// exact value is, so the verdict is the same).
    /// </summary>
    private static RationalInterval ExpEnclosure(double a) => a switch
    {
        < -2300 => new RationalInterval(Fraction.Zero, ExactExp.Of(-2300.0).Upper),
        > 2300 => I(ExactExp.Of(2300.0).Lower),
        _ => ExactExp.Of(a),
    };

    /// <summary>
    /// φ'(a) and φ''(a) alone, against their stated accuracies (<paramref name="first"/>, <paramref name="second"/> in u,
    /// relative): seeds ε₁ = 2^k₁, ε₂ = 2^k₂, ε₁ε₂ = 0, powers of two that bring φ'·2^k₁ and φ''·2^(k₁+k₂) near 1, so that
    /// the ε₁ part φ'·2^k₁ and the ε₁ε₂ part (φ''·2^k₁)·2^k₂ are scaled exactly and carry φ's error alone. Skipped where
    /// the scaled value is not a normal double or φ' is below 2^-2000 or beyond 2^2000.
    /// </summary>
    private static Property Derivatives(string what, double a, Func<HyperDual, HyperDual> phi, RationalInterval d1, RationalInterval d2, double first, double second)
    {
        static int? Shift(RationalInterval d)
        {
            var m = Mag(d);
            if (m == 0 || m < ExactDouble.Pow2(-2000) || m > ExactDouble.Pow2(2000))
                return null;
            return -ExactDouble.FloorLog2(m);
        }
        static Property Relative(string what, double computed, RationalInterval exact, double u)
        {
            var lo = Fraction.Abs(exact.Lower) < Fraction.Abs(exact.Upper) ? Fraction.Abs(exact.Lower) : Fraction.Abs(exact.Upper);
            if (double.IsNaN(computed) || double.IsInfinity(computed))
                return false.Label($"{what}: {computed:R}");
            if (Math.Abs(computed) < ScaledDerivativeMinNormal || lo < ExactDouble.Pow2(-1021) || lo > ExactDouble.Pow2(1022))
                return true.ToProperty();
            var c = Q(computed);
            var error = Fraction.Abs(c - exact.Lower) > Fraction.Abs(c - exact.Upper) ? Fraction.Abs(c - exact.Lower) : Fraction.Abs(c - exact.Upper);
            return (error <= Q(u) * ExactDouble.Pow2(-53) * lo).Label($"{what}: {computed:R} is {ExactDouble.ToDouble(error / lo / ExactDouble.Pow2(-53)):G3}u off (stated {u}u)");
        }
        var result = true.ToProperty();
        if (Shift(d1) is int k && k >= -1074 && k <= 1023)
        {
            double s = Math.ScaleB(1.0, k);
            result = result.And(Relative($"{what}' at {a:R}·2^{k}", phi(new HyperDual(a, s, 0, 0)).E1, d1 * I(s), first));
        }
        if (Shift(d2) is int k2 && k2 >= -2148 && k2 <= 2046)
        {
            int k1 = k2 / 2;
            double s1 = Math.ScaleB(1.0, k1), s2 = Math.ScaleB(1.0, k2 - k1);
            result = result.And(Relative($"{what}'' at {a:R}·2^{k2}", phi(new HyperDual(a, s1, s2, 0)).E12, d2 * I(Q(s1) * Q(s2)), second));
        }
        return result;
    }

    private const double ScaledDerivativeMinNormal = 2.2250738585072014E-308;

    /// <summary>e^x alone within its stated 2u (φ' = φ''), over the arguments where its power-of-two scaling is a normal double.</summary>
    [Property]
    public Property ExpDerivatives_AreWithinTheirStatedAccuracy() => Prop.ForAll(Argument.ToArbitrary(), a =>
        Math.Abs(a) > 2300 ? true.ToProperty() : Derivatives("exp", a, HyperDual.Exp, ExactExp.Of(a), ExactExp.Of(a), 2, 2));

    /// <summary>1/x within 1u and −1/x² within 2.5u (the stated accuracies), x over the whole positive range.</summary>
    [Property]
    public Property LogDerivatives_AreWithinTheirStatedAccuracy() => Prop.ForAll(FullRangeDoubles.Positive.ToArbitrary(), a =>
    {
        var q = Q(a);
        return Derivatives("log", a, HyperDual.Log, I(1 / q), I(-1 / (q * q)), 1, 2.5);
    });

    /// <summary>sech²x within 6u and −2tanh x·sech²x within 9u (the stated accuracies).</summary>
    [Property]
    public Property TanhDerivatives_AreWithinTheirStatedAccuracy() => Prop.ForAll(Argument.ToArbitrary(), a =>
    {
        var t = TanhEnclosures.Tanh(Q(a));
        var s = TanhEnclosures.SechSquared(Q(a));
        return Derivatives("tanh", a, HyperDual.Tanh, s, I(new Fraction(-2)) * t * s, 6, 9);
    });

    [Property]
    public Property Exp_IsWithinItsBound() => Prop.ForAll(Arguments.ToArbitrary(), x =>
    {
        var e = ExpEnclosure(x.Value);
        return Chain("exp", x, () => HyperDual.Exp(x), e, e, e, 2, 3, 5);
    });

    [Property]
    public Property Tanh_IsWithinItsBound() => Prop.ForAll(Arguments.ToArbitrary(), x =>
    {
        var a = Q(x.Value);
        var t = TanhEnclosures.Tanh(a);
        var s = TanhEnclosures.SechSquared(a);
        return Chain("tanh", x, () => HyperDual.Tanh(x), t, s, I(new Fraction(-2)) * t * s, 4, 7, 12);
    });

    /// <summary>log with values over the whole range: positive ones within the bound, below 0 or at 0 with a part rejected (ArgumentException), a constant 0 gives −∞.</summary>
    [Property]
    public Property Log_IsWithinItsBound_OrRejectedOutsideItsDomain() => Prop.ForAll(Numbers.ToArbitrary(), x =>
    {
        string at = $"log of {Show(x)}";
        bool hasPart = x.E1 != 0 || x.E2 != 0 || x.E12 != 0;
        if (x.Value < 0 || x.Value == 0 && hasPart)
            return Rejected(at, () => HyperDual.Log(x), "log needs a value > 0");
        if (x.Value == 0)
        {
            var z = HyperDual.Log(x);
            return (double.IsNegativeInfinity(z.Value) && z.E1 == 0 && z.E2 == 0 && z.E12 == 0).Label($"{at}: {Show(z)}");
        }
        var q = Q(x.Value);
        return Chain("log", x, () => HyperDual.Log(x), ExactLog.Of(q, 200), I(1 / q), I(-1 / (q * q)), 2, 2, 6);
    });
}
