using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;
using Verification.Optimizers.Objectives;
using Verification.Tests.Properties.Numerics;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Optimizers.Objectives;

/// <summary>
/// log1p and the separable objectives' scalar terms (elmo-amos claims.md, <c>elmo/lemma-3.1/separable</c>) over the whole
/// double range (issue 15, item 1), against exact rationals, rigorous exp/log enclosures (128 bits) or Taylor series with bounded remainders, within the accuracy
/// their doc comments state.
/// </summary>
[Properties(MaxTest = 200)]
public class ScalarTermRangeProperties
{
    /// <summary>u = 2^-53.</summary>
    private const double Unit = 1.1102230246251565e-16;

    /// <summary>Enclosure precision: 2^-128 relative, enough for log cosh x ≈ x²/2 at |x| ≥ <see cref="SeriesReach"/>.</summary>
    private const int Bits = 128;

    /// <summary>Below 2^-20 the references come from Taylor series in exact rationals (e^x at 128 bits cannot resolve x²/2).</summary>
    private const double SeriesReach = 9.5367431640625e-7;

    private static RationalInterval Around(Fraction center, Fraction radius) => new(center - radius, center + radius);

    /// <summary>Beyond |x| = 800, e^{−2|x|} &lt; 2^-2300: log cosh x rounds like |x| − ln 2 and sech²x to 0.</summary>
    private const double ExactReach = 800;

    private static readonly Fraction Max = ExactDouble.ToFraction(double.MaxValue);

    private static readonly Fraction Smallest = ExactDouble.Pow2(-1074);

    /// <summary>log(1 + x) within 7 ulp of the enclosure for every finite x &gt; −1 (subnormals, −1 + 2^-53, up to MaxValue).</summary>
    [Property]
    public Property LogOnePlus_IsWithinSevenUlp() => Prop.ForAll(
        Gen.Frequency(
            (3, FullRangeDoubles.Positive),
            (2, FullRangeDoubles.Positive.Where(x => x < 1).Select(x => -x)),
            (1, Gen.Choose(1, 53).Select(k => Math.ScaleB(1.0, -k) - 1))).ToArbitrary(),
        x => ExactAgreement.Within(LogOnePlus.Of(x), ExactLog.Of(Fraction.One + ExactDouble.ToFraction(x), Bits), 7, $"log1p({x:R})"));

    /// <summary>
    /// s·log cosh x (s = 1) within 13 ulp, φ′ = tanh x within 3 ulp, φ″ = sech²x and φ‴ = −2 tanh x sech²x within 11 ulp of the
    /// enclosures from e^x, for |x| ≤ 800; beyond, log cosh x within 1 ulp of |x| − ln 2 and φ″, φ‴ = 0 (exact &lt; 2^-2300).
    /// </summary>
    [Property(MaxTest = 80)] // e^x enclosures near |x| = 800: up to ~50 ms a case
    public Property LogCosh_IsAccurateOverTheWholeRange() => Prop.ForAll(
        Gen.Frequency((3, FullRangeDoubles.Signed), (2, FullRangeDoubles.Moderate.SelectMany(x => Gen.Elements(x, -x, 30 * x, -30 * x)))).ToArbitrary(),
        x =>
        {
            var term = new LogCoshTerm(1);
            string at = $"x = {x:R}";
            if (Math.Abs(x) > ExactReach)
            {
                var tail = RationalInterval.Exact(Math.Abs(x)) - ExactConstants.Ln2(Bits);
                return ExactAgreement.Within(term.Value(x), tail, 1, $"log cosh at {at}")
                    .And((term.Second(x) == 0 && term.Third(x) == 0 && Math.Abs(term.First(x)) == 1).Label($"limits at {at}"));
            }
            RationalInterval logCosh, tanh, sech2;
            if (Math.Abs(x) < SeriesReach)
            {
                // Taylor: log cosh x = x²/2 − x⁴/12 + x⁶/45 − …, tanh x = x − x³/3 + 2x⁵/15 − …; the remainders are below x⁸
                // and |x|⁷ (< 2^-120 of the values), taken as the enclosures' half-widths.
                var q = ExactDouble.ToFraction(x);
                var q2 = q * q;
                logCosh = Around(q2 / 2 - q2 * q2 / 12 + q2 * q2 * q2 / 45, q2 * q2 * q2 * q2);
                tanh = Around(q - q * q2 / 3 + 2 * q * q2 * q2 / 15, Fraction.Abs(q) * q2 * q2 * q2);
                sech2 = RationalInterval.Exact(1.0) - tanh * tanh; // ≈ 1 here: no cancellation
            }
            else
            {
                var e = ExactExp.Of(x, Bits);
                var inverse = RationalInterval.Exact(1.0) / e;
                logCosh = ExactLog.Of(RationalInterval.Exact(0.5) * (e + inverse), Bits);
                tanh = (e - inverse) / (e + inverse);
                sech2 = RationalInterval.Exact(4.0) / ((e + inverse) * (e + inverse));
            }
            return ExactAgreement.Within(term.Value(x), logCosh, 13, $"log cosh at {at}")
                .And(ExactAgreement.Within(term.First(x), tanh, 3, $"tanh at {at}"))
                .And(ExactAgreement.Within(term.Second(x), sech2, 11, $"sech² at {at}"))
                .And(ExactAgreement.Within(term.Third(x), RationalInterval.Exact(-2.0) * tanh * sech2, 11, $"φ‴ at {at}"));
        });

    /// <summary>
    /// Lorentzian φ″ = β + s/(1 + x²) within 8u·(|β| + |s/(1 + x²)|) + 4·2^-1074 of the exact rational, φ‴ = −2sx/(1 + x²)²
    /// within 8u·|φ‴| + 4·2^-1074, over full-range β, s and x; ±∞ of the exact value's sign exactly where that value is
    /// beyond ±double.MaxValue (a relative band of 1e-12 around it may go either way), never an exception.
    /// </summary>
    [Property]
    public Property Lorentzian_SecondAndThird_AreAccurateOrInfinite() => Prop.ForAll(
        (from beta in FullRangeDoubles.Signed from s in FullRangeDoubles.Signed from x in FullRangeDoubles.Signed select (beta, s, x)).ToArbitrary(),
        input =>
        {
            var (beta, s, x) = input;
            var term = new LorentzianTerm(beta, s);
            Fraction b = ExactDouble.ToFraction(beta), ss = ExactDouble.ToFraction(s), xx = ExactDouble.ToFraction(x);
            var d = Fraction.One + xx * xx;
            var bump = ss / d;
            var third = -2 * ss * xx / (d * d);
            string at = $"β = {beta:R}, s = {s:R}, x = {x:R}";
            return Checked(() => term.Second(x), b + bump, Fraction.Abs(b) + Fraction.Abs(bump), $"φ″ at {at}")
                .And(Checked(() => term.Third(x), third, Fraction.Abs(third), $"φ‴ at {at}"));
        });

    /// <summary>
    /// Lorentzian φ′ = βx + s·atan x over full-range β and s at |x| ≥ 2^60 (where βx and s·atan x ≈ ±s·π/2 leave the range
    /// and may cancel) and |x| ≤ 2^-30, against atan enclosed by its series: π/2 − atan(1/x) with 1/x − 1/(3x³) ≤ atan(1/x)
    /// ≤ 1/x, and x − x³/3 ≤ atan x ≤ x − x³/3 + x⁵/5 (x &gt; 0; odd), π to 128 bits (the midpoint is used: the width is
    /// 2^-120 of the value, far inside the bound). Within 8u·(|βx| + |s·atan x|) + 4·2^-1074, ±∞ of the exact sign beyond
    /// the range, never an exception.
    /// </summary>
    [Property]
    public Property Lorentzian_First_IsAccurateOrInfinite_AtLargeAndSmallX() => Prop.ForAll(
        (from beta in FullRangeDoubles.Signed
         from s in FullRangeDoubles.Signed
         from x in Gen.Frequency(
             (3, FullRangeDoubles.Positive.Where(v => v >= 1.152921504606847e18)),
             (1, FullRangeDoubles.Positive.Where(v => v <= 9.313225746154785e-10)))
         from sign in Gen.Elements(1.0, -1.0)
         select (beta, s, x: sign * x)).ToArbitrary(),
        input =>
        {
            var (beta, s, x) = input;
            var q = ExactDouble.ToFraction(Math.Abs(x));
            Fraction atan;
            if (q >= 1)
            {
                var pi = ExactConstants.Pi(Bits);
                var inverse = 1 / q;
                atan = (pi.Lower + pi.Upper) / 4 - (inverse - inverse * inverse * inverse / 6); // π/2 − midpoint of atan(1/x)'s enclosure
            }
            else
                atan = q - q * q * q / 3 + q * q * q * q * q / 10;
            if (x < 0)
                atan = -atan;
            var b = ExactDouble.ToFraction(beta) * ExactDouble.ToFraction(x);
            var t = ExactDouble.ToFraction(s) * atan;
            return Checked(() => new LorentzianTerm(beta, s).First(x), b + t, Fraction.Abs(b) + Fraction.Abs(t), $"φ′ at β = {beta:R}, s = {s:R}, x = {x:R}");
        });

    /// <summary>
    /// Lorentzian φ at β = 0, s = 1 for |x| &lt; 1/8 (the series branch) against the alternating series in exact rationals,
    /// summed until a term is below 2^-200 of the first (the remainder is smaller still): within 8 ulp; the written form was 2×
    /// off at x = 1e-10.
    /// </summary>
    [Property]
    public Property Lorentzian_ValueNearZero_IsWithinEightUlp() => Prop.ForAll(
        FullRangeDoubles.Signed.Where(x => Math.Abs(x) < 0.125).ToArbitrary(),
        x =>
        {
            var a2 = ExactDouble.ToFraction(x) * ExactDouble.ToFraction(x);
            var sum = Fraction.Zero;
            var power = a2;
            var negligible = a2 * ExactDouble.Pow2(-200);
            for (int k = 1; k <= 40 && power > negligible; k++)
            {
                var term = power / new Fraction(2 * k * (2 * k - 1));
                sum = k % 2 == 1 ? sum + term : sum - term;
                power *= a2;
            }
            return ExactAgreement.Within(new LorentzianTerm(0, 1).Value(x), RationalInterval.Exact(sum), 8, $"x = {x:R}");
        });

    private static Property Checked(Func<double> compute, Fraction exact, Fraction scale, string what)
    {
        var magnitude = Fraction.Abs(exact);
        bool beyond = magnitude > Max * ExactDouble.ToFraction(1 + 1e-12), inside = magnitude < Max * ExactDouble.ToFraction(1 - 1e-12);
        double computed;
        try
        {
            computed = compute();
        }
        catch (ArgumentException ex)
        {
            return false.Label($"{what}: rejected ({ex.Message}); every finite input has a value or ±∞");
        }
        double infinity = exact.Sign() < 0 ? double.NegativeInfinity : double.PositiveInfinity;
        if (beyond)
            return (computed == infinity).Label($"{what}: returned {computed:R} but the exact value is beyond ±double.MaxValue (expected {infinity})");
        if (!inside)
            return (double.IsFinite(computed) || computed == infinity).Label($"{what}: returned {computed:R} at the overflow threshold");
        if (!double.IsFinite(computed))
            return false.Label($"{what}: returned {computed:R} but the exact value {ExactDouble.ToDouble(exact):R} is in range");
        var error = Fraction.Abs(ExactDouble.ToFraction(computed) - exact);
        var bound = ExactDouble.ToFraction(8 * Unit) * scale + 4 * Smallest;
        return (error <= bound).Label($"{what}: {computed:R} vs exact {ExactDouble.ToDouble(exact):R}, error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R}");
    }
}
