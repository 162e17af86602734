using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Exact;
using Verification.Optimizers.Objectives;
using Verification.Optimizers.Objectives.Generic;
using Verification.Tests.Properties.Numerics;

namespace Verification.Tests.Properties.Optimizers.Objectives.Generic;

/// <summary>
/// The generic scalar terms in <see cref="Float64"/> over the whole double range (issue 15, item 1): x from ±2^-1074 to
/// ±double.MaxValue and ±0, parameters 0 or normal doubles of any binade. Each of φ, Magnitude, φ′ and φ″ is ±∞ of the
/// exact value's sign where that value is beyond ±double.MaxValue, and otherwise finite and within the accuracy
/// <see cref="GenericScalarTerm"/> states. The expected values are exact rationals of the inputs where the function is
/// rational (cubic; Lorentzian φ″), exact rational combinations of the platform's cos, sin, atan, log1p (the same
/// elementary values the generic code uses, each within a few ulps) otherwise, and the double reference term for log-cosh
/// φ, φ′, φ″ — never the generic code.
/// </summary>
[Properties(MaxTest = 1000, Replay = "(11873641209981316011,7306419274511893233)")]
public class GenericScalarTermRangeProperties
{
    /// <summary>u = 2^-53.</summary>
    private const double Unit = 1.1102230246251565e-16;

    /// <summary>ln 2 rounded to nearest (within u/2 of it).</summary>
    private const double Ln2 = 0.6931471805599453;

    private static readonly Fraction Max = ExactDouble.ToFraction(double.MaxValue);

    private static readonly Fraction Smallest = ExactDouble.Pow2(-1074);

    /// <summary>
    /// |generic − expected| ≤ 32u·scale + 16·2^-1074·max(1, |p|) (p the largest parameter): the generic side's stated
    /// 16u·scale + 8·2^-1074·max(1, |p|), plus the expectation's own error, at most 13u·scale (the log-cosh reference's
    /// 13 ulp; ≤ 8u for a rational combination of the platform's elementary functions, 0 for an exact rational) and the
    /// same underflow floor. Two-sided: the error is an absolute value.
    /// </summary>
    private static Fraction Bound(Fraction scale, double p) =>
        ExactDouble.ToFraction(32 * Unit) * scale + 16 * Smallest * ExactDouble.ToFraction(Math.Max(1, Math.Abs(p)));

    private static Fraction Q(double x) => ExactDouble.ToFraction(x);

    /// <summary>
    /// A parameter: 0 (1 in 10), or a normal double of either sign from any binade (4 in 10), from the ordinary binades −8…8
    /// (4 in 10) or a normal edge of the range (MaxValue, 2^1023, 1e308, 1e154, 2^-1022, …; 1 in 10).
    /// </summary>
    private static Gen<double> Parameter { get; } = Gen.Frequency(
        (4, FullRangeDoubles.Normal), (4, FullRangeDoubles.Moderate), (1, FullRangeDoubles.Edge.Where(v => v >= MinNormal)), (1, Gen.Constant(0.0)))
        .SelectMany(v => Gen.Elements(v, -v));

    /// <summary>2^-1022, the smallest normal double.</summary>
    private const double MinNormal = 2.2250738585072014e-308;

    /// <summary>x over the whole range (subnormals, edges, ±0) or ordinary magnitudes.</summary>
    private static Gen<double> Argument { get; } = Gen.Frequency(
        (3, FullRangeDoubles.Signed), (1, FullRangeDoubles.Moderate.SelectMany(v => Gen.Elements(v, -v))));

    /// <summary>Cubic (q/2)x² + (c/6)x³ against exact rationals of q, c and x.</summary>
    [Property]
    public Property Cubic_IsExactOrInfinite() => Prop.ForAll(
        (from q in Parameter from c in Parameter from x in Argument select (q, c, x)).ToArbitrary(),
        input =>
        {
            var (q, c, x) = input;
            var term = GenericScalarTerm.Of(new CubicTerm(q, c));
            Fraction fq = Q(q), fc = Q(c), fx = Q(x);
            Fraction square = fq * fx * fx / 2, cube = fc * fx * fx * fx / 6, linear = fq * fx, half = fc * fx * fx / 2, slope = fc * fx;
            var magnitude = Fraction.Abs(square) + Fraction.Abs(cube);
            double p = Math.Max(Math.Abs(q), Math.Abs(c));
            var at = new Float64(x);
            string where = $"cubic(q = {q:R}, c = {c:R}) at x = {x:R}";
            return Agrees(term.Value(at).Value, square + cube, magnitude, p, $"φ, {where}")
                .And(Agrees(term.Magnitude(at).Value, magnitude, magnitude, p, $"Magnitude, {where}"))
                .And(Agrees(term.First(at).Value, linear + half, Fraction.Abs(linear) + Fraction.Abs(half), p, $"φ′, {where}"))
                .And(Agrees(term.Second(at).Value, fq + slope, Fraction.Abs(fq) + Fraction.Abs(slope), p, $"φ″, {where}"));
        });

    /// <summary>
    /// Log-cosh s·log cosh x (s ≥ 0) against the reference <see cref="LogCoshTerm"/> (its own 13 ulp) for φ, φ′, φ″, and
    /// Magnitude = s(|x| + log1p(e^{−2|x|}) + ln 2) as an exact rational combination of |x|, log1p(e^{−2|x|}) and ln 2; the
    /// scale of φ″ is s·sech²x with sech²x from the reference at s = 1 (s·sech²x itself may round to ∞ at s = MaxValue).
    /// </summary>
    [Property]
    public Property LogCosh_AgreesWithTheReferenceOrIsInfinite() => Prop.ForAll(
        (from s in Parameter from x in Argument select (s: Math.Abs(s), x)).ToArbitrary(),
        input =>
        {
            var (s, x) = input;
            var reference = new LogCoshTerm(s);
            var term = GenericScalarTerm.Of(reference);
            double ax = Math.Abs(x);
            var magnitude = Q(s) * (Q(ax) + Q(LogOnePlus.Of(Math.Exp(-2 * ax))) + Q(Ln2));
            var at = new Float64(x);
            string where = $"log-cosh(s = {s:R}) at x = {x:R}";
            return AgreesWithReference(term.Value(at).Value, reference.Value(x), magnitude, s, $"φ, {where}")
                .And(Agrees(term.Magnitude(at).Value, magnitude, magnitude, s, $"Magnitude, {where}"))
                .And(AgreesWithReference(term.First(at).Value, reference.First(x), Q(s), s, $"φ′, {where}"))
                .And(AgreesWithReference(term.Second(at).Value, reference.Second(x), Q(s) * Q(new LogCoshTerm(1).Second(x)), s, $"φ″, {where}"));
        });

    /// <summary>Cosine-quadratic a·cos x + b·x² (|a| + 2|b| ≤ MaxValue) as exact rationals of a, b, x and the platform's cos x, sin x.</summary>
    /// <remarks>More cases: b·x² or 2b·x overflowing where a·cos x or a·sin x brings the sum back needs |a| near MaxValue.</remarks>
    [Property(MaxTest = 4000)]
    public Property CosineQuadratic_IsExactOrInfinite() => Prop.ForAll(
        (from a in Parameter
         from b in Parameter
         from x in Argument
         select (a, b: WithinCurvatureRange(a, b), x)).ToArbitrary(),
        input =>
        {
            var (a, b, x) = input;
            var term = GenericScalarTerm.Of(new CosineQuadraticTerm(a, b));
            Fraction fa = Q(a), fb = Q(b), fx = Q(x), cos = Q(Math.Cos(x)), sin = Q(Math.Sin(x));
            Fraction wave = fa * cos, bowl = fb * fx * fx, slope = -fa * sin, line = 2 * fb * fx, curve = -fa * cos, twice = 2 * fb;
            var magnitude = Fraction.Abs(wave) + Fraction.Abs(bowl);
            double p = Math.Max(Math.Abs(a), Math.Abs(b));
            var at = new Float64(x);
            string where = $"cos-quadratic(a = {a:R}, b = {b:R}) at x = {x:R}";
            return Agrees(term.Value(at).Value, wave + bowl, magnitude, p, $"φ, {where}")
                .And(Agrees(term.Magnitude(at).Value, magnitude, magnitude, p, $"Magnitude, {where}"))
                .And(Agrees(term.First(at).Value, slope + line, Fraction.Abs(slope) + Fraction.Abs(line), p, $"φ′, {where}"))
                .And(Agrees(term.Second(at).Value, curve + twice, Fraction.Abs(curve) + Fraction.Abs(twice), p, $"φ″, {where}"));
        });

    /// <summary>b divided by 4 until |a| + 2|b| ≤ MaxValue holds as the constructor checks it (a normal b stays normal: the check passes by |b| ≈ 2^969).</summary>
    private static double WithinCurvatureRange(double a, double b)
    {
        while (Math.Abs(a) / 2 + Math.Abs(b) > double.MaxValue / 2)
            b /= 4;
        return b;
    }

    /// <summary>
    /// Lorentzian βx²/2 + s(x·atan x − ½ln(1 + x²)): φ″ = β + s/(1 + x²) exactly; φ, Magnitude and φ′ as exact rational
    /// combinations of β, s, x, the platform's atan x and ½ln(1 + x²) = ½log1p(x²) (|x| ≤ 1) or ln|x| + ½log1p(1/x²).
    /// The scale of φ and Magnitude carries |s|·1 besides their terms: the written ln(1 + x²) rounds 1 + x² first, an
    /// absolute error of u·|s|/2 (see <see cref="GenericScalarTerm"/>).
    /// </summary>
    [Property]
    public Property Lorentzian_IsExactOrInfinite() => Prop.ForAll(
        (from beta in Parameter from s in Parameter from x in Argument select (beta, s, x)).ToArbitrary(),
        input =>
        {
            var (beta, s, x) = input;
            var term = GenericScalarTerm.Of(new LorentzianTerm(beta, s));
            double a = Math.Abs(x);
            double halfLog = a <= 1 ? 0.5 * LogOnePlus.Of(a * a) : Math.Log(a) + 0.5 * LogOnePlus.Of(1 / a / a);
            Fraction fb = Q(beta), fs = Q(s), fx = Q(x), atan = Q(Math.Atan(x)), h = Q(halfLog);
            Fraction bowl = fb * fx * fx / 2, climb = fx * atan, line = fb * fx, turn = fs * atan, bump = fs / (1 + fx * fx);
            var magnitude = Fraction.Abs(bowl) + Fraction.Abs(fs) * (Fraction.Abs(climb) + h);
            var scale = magnitude + Fraction.Abs(fs);
            double p = Math.Max(Math.Abs(beta), Math.Abs(s));
            var at = new Float64(x);
            string where = $"lorentzian(β = {beta:R}, s = {s:R}) at x = {x:R}";
            return Agrees(term.Value(at).Value, bowl + fs * (climb - h), scale, p, $"φ, {where}")
                .And(Agrees(term.Magnitude(at).Value, magnitude, scale, p, $"Magnitude, {where}"))
                .And(Agrees(term.First(at).Value, line + turn, Fraction.Abs(line) + Fraction.Abs(turn), p, $"φ′, {where}"))
                .And(Agrees(term.Second(at).Value, fb + bump, Fraction.Abs(fb) + Fraction.Abs(bump), p, $"φ″, {where}"));
        });

    /// <summary>
    /// The computed value against an exact expectation: ±∞ of its sign beyond ±MaxValue·(1 + 1e-12), either way in the band
    /// of 1e-12 around MaxValue, else finite and within <see cref="Bound"/>.
    /// </summary>
    private static Property Agrees(double computed, Fraction expected, Fraction scale, double p, string what)
    {
        var size = Fraction.Abs(expected);
        bool beyond = size > Max * Q(1 + 1e-12), inside = size < Max * Q(1 - 1e-12);
        double infinity = expected.Sign() < 0 ? double.NegativeInfinity : double.PositiveInfinity;
        if (beyond)
            return (computed == infinity).Label($"{what}: {computed:R}, but the exact value is beyond ±MaxValue ({infinity})");
        if (!inside)
            return (double.IsFinite(computed) || computed == infinity).Label($"{what}: {computed:R} at the overflow threshold");
        if (!double.IsFinite(computed))
            return false.Label($"{what}: {computed:R}, but the exact value {ExactDouble.ToDouble(expected):R} is a double");
        var error = Fraction.Abs(Q(computed) - expected);
        var bound = Bound(scale, p);
        return (error <= bound).Label(
            $"{what}: {computed:R} vs {ExactDouble.ToDouble(expected):R}, error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R}");
    }

    /// <summary><see cref="Agrees"/> against a reference double: its ±∞ is taken as beyond the range (a finite computed value within 1e-12 of MaxValue also passes).</summary>
    private static Property AgreesWithReference(double computed, double reference, Fraction scale, double p, string what)
    {
        if (double.IsNaN(reference))
            return false.Label($"{what}: the reference is NaN");
        if (double.IsInfinity(reference))
            return (computed == reference || (double.IsFinite(computed) && Math.Abs(computed) >= double.MaxValue * (1 - 1e-12)))
                .Label($"{what}: {computed:R}, the reference {reference}");
        return Agrees(computed, Q(reference), scale, p, what);
    }
}
