using Fractions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Exact;
using Xunit;

namespace Verification.Tests.Properties.Numerics.Curvature.AutoDiff;

/// <summary>
/// Forward mode over doubles where a value or part has overflowed and then meets one more operation (issue 15, item 1,
/// gap 6), in the three forward-mode types. X is a function of θ at θ = 0 seeded with ε₁ and ε₂ (the jet: one variable),
/// either e^{θ + c} with c in (709.8, 1500) (value and every part e^c, beyond the range: +∞) or (K₁ + θs)(K₂ + θt) with
/// 21-bit mantissas and exponents in −500…560 (value K₁K₂, ε₁ and ε₂ parts K₁t + sK₂, ε₁ε₂ part 2st, each beyond the range
/// or not; a quarter constant, s = t = 0), negated at random: about three cases in four have a ±∞ in X, the others none
/// (<see cref="Cases"/>). The operation is X·y, y·X, X ± y, y ± X, X/y, y/X, log X, √X, e^X, tanh X, erf X, −X, |X|,
/// X + X or X·X, with y = ±m·2^e, e in −1074…1023 (√, |x| and erf are log, −x and tanh for <see cref="HyperDual"/>, which
/// has none of them; tanh is erf for the other two). Each case is
/// either rejected (a <see cref="DoubleRangeException"/>), and then X has a ±∞ value or part, or every value and part is
/// (a) finite and within the tolerance below of the exact one, or (b) ±∞ with the exact value beyond ±double.MaxValue of
/// the same sign. The exact values come from the same function over rational intervals (X and y exact, transcendental
/// functions at 128 bits, tanh as 1 − 2/(e^{2X} + 1) and erf at 1200 bits below |X| = 1, where their enclosures are of
/// absolute precision), or,
/// where they are far outside what those enclose (e^X for |X| &gt; 4000, tanh X for |X| ≥ 2000, erf X for |X| ≥ 60), from
/// bounds: e^X·P is beyond the range or below 2^-1100 by log₂ bounds on X and P, tanh and erf are within 2^-1100 of ±1 and
/// their parts below 2^-1100 (|tanh'|, |tanh''| ≤ 8e^{−2|X|}; |erf'|, |erf''| ≤ e^{−X²/2} there).
/// </summary>
/// <remarks>
/// Tolerance, each part: 32u·S + 2^-1069 (u = 2^-53), S the sum of the magnitudes of the part's terms (|φ(X)| for the value,
/// |φ'(X)·X₁| for ε₁ and ε₂, |φ'(X)·X₁₂| + |φ''(X)·X₁X₂| for ε₁ε₂, where φ is the operation as a function of X). X's value
/// and ε₁ε₂ part are exact doubles or ±∞, its ε₁ and ε₂ parts within ½u (one rounding); the operation's parts are within
/// (k + T − 1)·u of their exact values for the rounded φ', φ'' relative to S (k ≤ 4 factors, T ≤ 2 terms of X here), and
/// φ', φ'' within 2u (exp), 2.5u (log'', 1/x's 2/x³), 4.5u (√''), 9u (tanh''), 6u (erf'' beyond its plain range): below 20u·S,
/// 32u with room. Erf's plain derivatives (|X| up to 26.6) are within (X² + 5)u, so X²·u·S (up to 720u) is added for erf.
/// 2^-1069: a result in or near the subnormal range is within a step of it (the parts' underflow allowance is 2^-1070).
/// </remarks>
public class OverflowBoundProperties
{
    private const double U = 1.0 / (1L << 53);

    /// <summary>The operation on X (y a constant).</summary>
    public enum Op { TimesY, YTimes, PlusY, YPlus, MinusY, YMinus, OverY, YOver, Log, Sqrt, Exp, Tanh, Erf, Negate, Abs, Twice, Square }

    /// <summary>A case: X = e^{θ + c} (<paramref name="Exponential"/>) or (K₁ + θs)(K₂ + θt), negated where <paramref name="Negated"/> (not under log and √), then <paramref name="Op"/> with y.</summary>
    public readonly record struct Case(bool Exponential, double C, double K1, double S, double K2, double T, bool Negated, Op Op, double Y)
    {
        public override string ToString() => Exponential
            ? $"X = {(Negated ? "−" : "")}e^(θ + {C:R}), {Op}, y = {Y:R}"
            : $"X = {(Negated ? "−" : "")}({K1:R} + θ·{S:R})({K2:R} + θ·{T:R}), {Op}, y = {Y:R}";

        /// <summary>The case as one type runs it: its operation, and X negated or not.</summary>
        public string As(Op op) => $"{this} as {op}{(Negated && !Negate(this, op) ? ", X not negated" : "")}";
    }

    private static Gen<double> Mantissa { get; } = Gen.Choose(0, 1 << 20).Select(j => 1 + j / (double)(1 << 20));

    /// <summary>−500…560, half the time 480…560, so that about one product of two in five is beyond 2^1024.</summary>
    private static Gen<int> Exponent { get; } = Gen.Frequency((1, Gen.Choose(-500, 560)), (1, Gen.Choose(480, 560)));

    private static Gen<double> Scaled { get; } = from m in Mantissa from e in Exponent select Math.ScaleB(m, e);

    /// <summary>
    /// c over (709.8, 1500), half the time (709.8, 711) (e^c within a factor 2.3 of T, where a sum with a term near
    /// −MaxValue or a product by one near ½ may come back within the range); K₁, K₂, s, t over 2^-500…2^561, half the time
    /// with K₁K₂ in [2^1023, 2^1025) (on either side of T), and a quarter of the time s = t = 0 (a constant X); y over
    /// 2^-1074…2^1024, a quarter of the time 2^960…2^1024 (around the sums' 2^970) and a quarter 2^1018…2^1024 (near −X).
    /// </summary>
    private static Gen<Case> Cases { get; } =
        from exponential in Gen.Frequency((1, Gen.Constant(true)), (2, Gen.Constant(false)))
        from nearC in Gen.Elements(true, false)
        from j in Gen.Choose(1, 1 << 20)
        from near in Gen.Elements(true, false)
        from m1 in Mantissa
        from e1 in near ? Gen.Choose(480, 560) : Exponent
        from m2 in Mantissa
        from e2 in Exponent
        from constant in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from s in Scaled
        from t in Scaled
        from negated in Gen.Elements(true, false)
        from op in Gen.Elements(Enum.GetValues<Op>())
        from my in Mantissa
        from ey in Gen.Frequency((2, Gen.Choose(-1074, 1023)), (1, Gen.Choose(960, 1023)), (1, Gen.Choose(1018, 1023)))
        from negativeY in Gen.Elements(true, false)
        select new Case(exponential, 709.8 + j * ((nearC ? 1.2 : 1500 - 709.8) / (1 << 20)), Math.ScaleB(m1, e1),
            constant ? 0 : s, Math.ScaleB(m2, near ? 1023 - e1 : e2), constant ? 0 : t, negated, op, (negativeY ? -1 : 1) * Math.ScaleB(my, ey));

    /// <summary>Whether X is negated (log and √ take X as built, positive).</summary>
    private static bool Negate(Case c, Op op) => c.Negated && op is not (Op.Log or Op.Sqrt);

    /// <summary>The operation as HyperDual has it (no √, |x| or erf: log, −x and tanh instead).</summary>
    private static Op ForHyperDual(Op op) => op switch { Op.Sqrt => Op.Log, Op.Abs => Op.Negate, Op.Erf => Op.Tanh, _ => op };

    /// <summary>The operation as the IReal types have it (no tanh: erf instead).</summary>
    private static Op ForReal(Op op) => op == Op.Tanh ? Op.Erf : op;

    /// <summary>φ(x) with y, in any IReal arithmetic; tanh as 1 − 2/(e^{2x} + 1) (only the exact reference uses it).</summary>
    private static T Apply<T>(Op op, T x, T y) where T : IReal<T> => op switch
    {
        Op.TimesY => x * y,
        Op.YTimes => y * x,
        Op.PlusY => x + y,
        Op.YPlus => y + x,
        Op.MinusY => x - y,
        Op.YMinus => y - x,
        Op.OverY => x / y,
        Op.YOver => y / x,
        Op.Log => T.Log(x),
        Op.Sqrt => T.Sqrt(x),
        Op.Exp => T.Exp(x),
        Op.Tanh => T.Of(1) - T.Of(2) / (T.Exp(T.Of(2) * x) + T.Of(1)),
        Op.Erf => T.Erf(x),
        Op.Negate => -x,
        Op.Abs => T.Abs(x),
        Op.Twice => x + x,
        _ => x * x,
    };

    private static HyperDual Apply(Op op, HyperDual x, HyperDual y) => op switch
    {
        Op.TimesY => x * y,
        Op.YTimes => y * x,
        Op.PlusY => x + y,
        Op.YPlus => y + x,
        Op.MinusY => x - y,
        Op.YMinus => y - x,
        Op.OverY => x / y,
        Op.YOver => y / x,
        Op.Log => HyperDual.Log(x),
        Op.Exp => HyperDual.Exp(x),
        Op.Tanh => HyperDual.Tanh(x),
        Op.Negate => -x,
        Op.Twice => x + x,
        Op.Square => x * x,
        _ => throw new ArgumentException($"HyperDual has no {op}.", nameof(op)),
    };

    /// <summary>X in an IReal arithmetic from θ (seeded as the type seeds it).</summary>
    private static T X<T>(Case c, bool negate, T theta) where T : IReal<T>
    {
        var x = c.Exponential ? T.Exp(theta + T.Of(c.C)) : (T.Of(c.K1) + theta * T.Of(c.S)) * (T.Of(c.K2) + theta * T.Of(c.T));
        return negate ? -x : x;
    }

    private static HyperDual X(Case c, bool negate)
    {
        var theta = new HyperDual(0, 1, 1, 0);
        static HyperDual K(double v) => HyperDual.Constant(v);
        var x = c.Exponential ? HyperDual.Exp(theta + K(c.C)) : (K(c.K1) + theta * K(c.S)) * (K(c.K2) + theta * K(c.T));
        return negate ? -x : x;
    }

    private static double[] Parts(HyperDual x) => [x.Value, x.E1, x.E2, x.E12];

    private static double[] Parts(HyperDualReal<Float64> x) => [x.Value.Value, x.E1.Value, x.E2.Value, x.E12.Value];

    private static double[] Parts(HessianJet<Float64> x) => [x.Value.Value, x.Gradient(0).Value, x.Gradient(0).Value, x.Hessian(0, 0).Value];

    private static HyperDualReal<Float64> RealTheta => HyperDualReal<Float64>.Variable(new Float64(0), true, true);

    private static HessianJet<Float64> JetTheta => HessianJet<Float64>.Variable(new Float64(0), 0, 1);

    [Property(Replay = "(20261209,1442695040888963407)", MaxTest = 400)]
    public Property HyperDual_IsRejectedOrBeyondTheRangeOrWithinItsTolerance() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var op = ForHyperDual(c.Op);
            bool negate = Negate(c, op);
            return Check(c, op, Parts(X(c, negate)), () => Parts(Apply(op, X(c, negate), HyperDual.Constant(c.Y))));
        });

    [Property(Replay = "(20261209,1442695040888963407)", MaxTest = 400)]
    public Property HyperDualReal_IsRejectedOrBeyondTheRangeOrWithinItsTolerance() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var op = ForReal(c.Op);
            bool negate = Negate(c, op);
            return Check(c, op, Parts(X(c, negate, RealTheta)), () => Parts(Apply(op, X(c, negate, RealTheta), HyperDualReal<Float64>.Of(c.Y))));
        });

    [Property(Replay = "(20261209,1442695040888963407)", MaxTest = 400)]
    public Property HessianJet_IsRejectedOrBeyondTheRangeOrWithinItsTolerance() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var op = ForReal(c.Op);
            bool negate = Negate(c, op);
            return Check(c, op, Parts(X(c, negate, JetTheta)), () => Parts(Apply(op, X(c, negate, JetTheta), HessianJet<Float64>.Of(c.Y))));
        });

    /// <summary>A comparison of two values (HyperDual has none: its values are compared as doubles by its callers).</summary>
    public enum Comparison { Less, LessOrEqual, Greater, GreaterOrEqual }

    /// <summary>X of <paramref name="First"/> <paramref name="Comparison"/> X of <paramref name="Second"/> (their Op and y unused).</summary>
    public readonly record struct Pair(Case First, Case Second, Comparison Comparison)
    {
        public override string ToString() => $"{First} {Comparison} {Second}";
    }

    /// <summary>Two cases, a quarter of the time the same one (equal values and parts, ±∞ or not), and a comparison.</summary>
    private static Gen<Pair> Pairs { get; } =
        from first in Cases
        from other in Cases
        from same in Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false)))
        from comparison in Gen.Elements(Enum.GetValues<Comparison>())
        select new Pair(first, same ? first : other, comparison);

    private static bool Compare<T>(Comparison comparison, T a, T b) where T : IReal<T> => comparison switch
    {
        Comparison.Less => a < b,
        Comparison.LessOrEqual => a <= b,
        Comparison.Greater => a > b,
        _ => a >= b,
    };

    private static bool Compare(Comparison comparison, double a, double b) => Compare(comparison, new Float64(a), new Float64(b));

    /// <summary>
    /// Comparisons (gap 6): two values that are both +∞ or both −∞ are exact values beyond the range whose order is lost,
    /// so comparing them is a <see cref="DoubleRangeException"/>, whatever the parts (equal ones included: the same case
    /// twice, two constants); every other pair is answered, and where the two doubles differ (a ±∞ against a finite value
    /// or the other ±∞ included) the answer is the exact comparison of the exact values (rational intervals, as in the
    /// reference above). Where they are equal and finite, rounding may have hidden the exact order, and the answer is the
    /// IEEE one of the doubles.
    /// </summary>
    [Property(Replay = "(20261211,1442695040888963407)", MaxTest = 300)]
    public Property HyperDualReal_ComparisonIsRejectedOnlyBetweenTwoEqualInfinities() =>
        Prop.ForAll(Pairs.ToArbitrary(), p => CheckComparison(p, RealTheta, t => t.Value.Value));

    /// <inheritdoc cref="HyperDualReal_ComparisonIsRejectedOnlyBetweenTwoEqualInfinities"/>
    [Property(Replay = "(20261211,1442695040888963407)", MaxTest = 300)]
    public Property HessianJet_ComparisonIsRejectedOnlyBetweenTwoEqualInfinities() =>
        Prop.ForAll(Pairs.ToArbitrary(), p => CheckComparison(p, JetTheta, t => t.Value.Value));

    private static Property CheckComparison<T>(Pair p, T theta, Func<T, double> value) where T : IReal<T>
    {
        T a = X(p.First, p.First.Negated, theta), b = X(p.Second, p.Second.Negated, theta);
        double av = value(a), bv = value(b);
        bool sameInfinity = double.IsInfinity(av) && av == bv;
        bool answer;
        try
        {
            answer = Compare(p.Comparison, a, b);
        }
        catch (DoubleRangeException e)
        {
            return sameInfinity.Label($"{p}: {av:R} against {bv:R} rejected: {e.Message}");
        }
        if (sameInfinity)
            return false.Label($"{p}: answered {answer} for two values {av:R}, whose order is lost");
        if (av == bv)
            return (answer == Compare(p.Comparison, av, bv)).Label($"{p}: {answer} for two equal doubles {av:R}");
        var interval = HyperDualReal<RationalInterval>.Variable(RationalInterval.Of(0), true, true);
        bool exact = Compare(p.Comparison, X(p.First, p.First.Negated, interval).Value, X(p.Second, p.Second.Negated, interval).Value);
        return (answer == exact).Label($"{p}: {answer} for {av:R} against {bv:R}, exactly {exact}");
    }

    /// <summary>
    /// Rejected only where X (its double value and parts <paramref name="x"/>) has a ±∞; else every part of the result is
    /// within the tolerance of the exact one, or ±∞ with the exact one beyond the range on that side.
    /// </summary>
    private static Property Check(Case c, Op op, double[] x, Func<double[]> result)
    {
        bool overflowed = x.Any(double.IsInfinity);
        double[] r;
        try
        {
            r = result();
        }
        catch (DoubleRangeException e)
        {
            return overflowed.Label($"{c.As(op)}: rejected where X = ({string.Join(", ", x.Select(v => v.ToString("R")))}) has no ±∞: {e.Message}");
        }
        var (exact, size) = Reference(c, op);
        string[] names = ["value", "ε₁", "ε₂", "ε₁ε₂"];
        for (int i = 0; i < 4; i++)
            if (Fails(r[i], exact[i], op == Op.Erf ? Math.Min(size * size, 720) : 0) is { } why)
                return false.Label($"{c.As(op)}: the {names[i]} part {r[i]:R}: {why}");
        return true.ToProperty();
    }

    private static double Estimate(Fraction f) => ExactDouble.ToDouble(f);

    private static Fraction Q(double x) => ExactDouble.ToFraction(x);

    private static readonly Fraction MaxValue = Q(double.MaxValue), Tiny = ExactDouble.Pow2(-1100);

    /// <summary>Why <paramref name="computed"/> does not stand for <paramref name="exact"/> (null where it does).</summary>
    private static string? Fails(double computed, Exact exact, double erfSquare)
    {
        if (double.IsNaN(computed))
            return "NaN";
        if (double.IsPositiveInfinity(computed))
            return exact.Lower > MaxValue ? null : $"+∞, but the exact value {exact} is not beyond the range";
        if (double.IsNegativeInfinity(computed))
            return exact.Upper < -MaxValue ? null : $"−∞, but the exact value {exact} is not beyond the range";
        var tolerance = Q(32 + erfSquare) * Q(U) * exact.Scale + ExactDouble.Pow2(-1069);
        var q = Q(computed);
        var error = FractionExtensions.Max(Fraction.Abs(q - exact.Lower), Fraction.Abs(q - exact.Upper));
        return error <= tolerance ? null : $"off by {Estimate(error):G3} from the exact {exact}, tolerance {Estimate(tolerance):G3}";
    }

    /// <summary>An enclosure of an exact part and the magnitude S its tolerance is relative to.</summary>
    public readonly record struct Exact(Fraction Lower, Fraction Upper, Fraction Scale)
    {
        public static Exact Of(RationalInterval x, Fraction scale) => new(x.Lower, x.Upper, scale);

        /// <summary>Below 2^-1100 in magnitude.</summary>
        public static Exact Small => new(-Tiny, Tiny, Tiny);

        /// <summary>Beyond the range with the sign <paramref name="sign"/> (every finite double is far from it).</summary>
        public static Exact Beyond(int sign) => new(sign * ExactDouble.Pow2(1100), sign * ExactDouble.Pow2(1100), ExactDouble.Pow2(1100));

        /// <summary>Within 2^-1100 of <paramref name="sign"/>·1.</summary>
        public static Exact Unit(int sign) => sign > 0 ? new(1 - Tiny, Fraction.One, Fraction.One) : new(-Fraction.One, Tiny - 1, Fraction.One);

        public override string ToString() => $"[{Estimate(Lower):R}, {Estimate(Upper):R}]";
    }

    private static Fraction Magnitude(RationalInterval x) => FractionExtensions.Max(Fraction.Abs(x.Lower), Fraction.Abs(x.Upper));

    /// <summary>⌊log₂⌋ of the least magnitude in x (x must exclude 0).</summary>
    private static int Log2(RationalInterval x)
    {
        var low = x.Lower.Sign() > 0 ? x.Lower : -x.Upper;
        if (low.Sign() <= 0)
            throw new InvalidOperationException($"{x} contains 0: the reference cannot bound it.");
        return ExactDouble.FloorLog2(low);
    }

    /// <summary>
    /// The exact value and parts of the case (value, ε₁, ε₂, ε₁ε₂) with the magnitudes S of their terms, and a lower bound on
    /// |X| (for erf's tolerance).
    /// </summary>
    private static (Exact[] Parts, double Size) Reference(Case c, Op op)
    {
        var theta = HyperDualReal<RationalInterval>.Variable(RationalInterval.Of(0), true, true);
        var x = X(c, Negate(c, op), theta);
        var y = HyperDualReal<RationalInterval>.Of(c.Y);
        double size = RationalInterval.Abs(x.Value).LowerAsDouble;
        if (op switch { Op.Exp => size > 4000, Op.Tanh => size >= 2000, Op.Erf => size >= 60, _ => false })
            return (Saturated(op, x), size);
        // tanh and erf of |X| below 1 (down to 2^-1000) come from enclosures of absolute precision: 1200 bits there.
        using var bits = EnclosureSettings.Use(op is Op.Tanh or Op.Erf && size < 1 ? 1200 : EnclosureSettings.DefaultBits);
        var r = Apply(op, x, y);
        // φ'(X) and φ''(X): the operation at the value alone, seeded once.
        var d = Apply(op, HyperDualReal<RationalInterval>.Variable(RationalInterval.Of(0), true, true) + HyperDualReal<RationalInterval>.Constant(x.Value), y);
        var s12 = Magnitude(d.E1) * Magnitude(x.E12) + Magnitude(d.E12) * Magnitude(x.E1) * Magnitude(x.E2);
        return ([Exact.Of(r.Value, Magnitude(r.Value)), Exact.Of(r.E1, Magnitude(r.E1)), Exact.Of(r.E2, Magnitude(r.E2)), Exact.Of(r.E12, s12)], size);
    }

    /// <summary>
    /// e^X for |X| &gt; 4000, tanh X for |X| ≥ 2000, erf X for |X| ≥ 60, from log₂ bounds (1/ln 2 taken as 1.44 from below
    /// and 1.45 from above): e^X·P with X &gt; 4000 is beyond the range (X·1.44 + log₂|P| &gt; 1100) or with X &lt; −4000 below
    /// 2^-1100; tanh and erf within 2^-1100 of ±1, their parts below 2^-1100.
    /// </summary>
    private static Exact[] Saturated(Op op, HyperDualReal<RationalInterval> x)
    {
        int sign = RationalInterval.Sign(x.Value);
        double size = RationalInterval.Abs(x.Value).LowerAsDouble; // a lower bound on |X|
        var parts = new[] { x.E1, x.E2, x.E12 + x.E1 * x.E2 };
        var result = new Exact[4];
        if (op == Op.Exp)
        {
            result[0] = sign > 0 ? Exact.Beyond(1) : Exact.Small;
            for (int i = 0; i < 3; i++)
            {
                var magnitude = Magnitude(parts[i]);
                result[i + 1] = magnitude.IsZero ? Exact.Small
                    : sign > 0 ? (size * 1.44 + Log2(parts[i]) > 1100 ? Exact.Beyond(RationalInterval.Sign(parts[i])) : throw new InvalidOperationException("e^X·P not bounded"))
                    : (-size * 1.44 + ExactDouble.FloorLog2(magnitude) + 1 < -1100 ? Exact.Small : throw new InvalidOperationException("e^X·P not bounded"));
            }
            return result;
        }
        // log₂ of the bound on |φ'| and |φ''|: 8e^{−2|X|} (tanh), e^{−X²/2} (erf, |X| ≥ 60).
        double derivative = op == Op.Tanh ? 3 - 2 * size * 1.44 : -size * size / 2 * 1.44;
        result[0] = Exact.Unit(sign);
        var magnitudes = new[] { Magnitude(x.E1), Magnitude(x.E2), Magnitude(x.E12) + Magnitude(x.E1) * Magnitude(x.E2) };
        for (int i = 0; i < 3; i++)
            result[i + 1] = magnitudes[i].IsZero || derivative + ExactDouble.FloorLog2(magnitudes[i]) + 1 < -1100
                ? Exact.Small
                : throw new InvalidOperationException("the saturated part is not bounded");
        return result;
    }
}

/// <summary>
/// Hand-derived cases of gap 6 (issue 15, item 1): a ±∞ value or part stands for an exact value beyond the range, at least
/// T = 2^1024 − 2^970 and otherwise unknown, so an operation that may bring it back within the range is rejected, and what
/// stays ±∞ is beyond the range. These are the holes a review of the first version of the rules found, each seen failing
/// before its fix.
/// </summary>
public class OverflowBoundExamples
{
    private static HyperDual C(double v) => HyperDual.Constant(v);

    private static HessianJet<Float64> J(double v) => HessianJet<Float64>.Of(v);

    private static double P2(int k) => Math.ScaleB(1.0, k);

    private const string Shrunk = "a ±∞ here stands for an exact value beyond ±double.MaxValue";

    private static readonly Fraction MaxValue = ExactDouble.ToFraction(double.MaxValue);

    /// <summary>
    /// The four cases of docs/full-range-coverage.md (gap 6), each with the double value +∞ for e^710 and an exact result
    /// within the range: e^710·½ ≈ 1.1e308 (was +∞), e^710 − 10^308 ≈ 1.2e308 (was +∞), log(e^710) = 710 (was +∞) and
    /// 1/e^710 ≈ 4.5e-309 (was 0). Each is now a <see cref="DoubleRangeException"/>, in the three types; rational intervals
    /// (e^710 enclosed at 128 bits) confirm the exact values are within the range.
    /// </summary>
    [Fact]
    public void TheFourDocumentedCases_AreRejected_InEveryType()
    {
        var e = HyperDual.Exp(C(710));
        Assert.Equal(double.PositiveInfinity, e.Value);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = e * C(0.5), "b", Shrunk);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = e - C(1e308), "b", Shrunk);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDual.Log(e), "x", "log of a value beyond the double range (+∞");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = C(1) / e, "b", Shrunk);
        DocumentedCases<HyperDualReal<Float64>>();
        DocumentedCases<HessianJet<Float64>>();
        var exact = RationalInterval.Exp(RationalInterval.Of(710));
        var half = exact * RationalInterval.Of(0.5);
        var difference = exact - RationalInterval.Of(1e308);
        var reciprocal = RationalInterval.Of(1) / exact;
        Assert.True(exact.Lower > MaxValue, $"e^710 = {exact} should be beyond the range");
        Assert.True(half.Upper < MaxValue && half.Lower > ExactDouble.ToFraction(1.1e308), $"e^710·½ = {half}");
        Assert.True(difference.Upper < MaxValue && difference.Lower > ExactDouble.ToFraction(1.2e308), $"e^710 − 10^308 = {difference}");
        Assert.True(reciprocal.Lower > ExactDouble.ToFraction(4.4e-309) && reciprocal.Upper < ExactDouble.ToFraction(4.5e-309), $"1/e^710 = {reciprocal}");
    }

    private static void DocumentedCases<T>() where T : IReal<T>
    {
        var e = T.Exp(T.Of(710));
        Assert.Equal(double.PositiveInfinity, T.Estimate(e));
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = e * T.Of(0.5), "b", Shrunk);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = e - T.Of(1e308), "b", Shrunk);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = T.Log(e), "x", "log of a value beyond the double range (+∞");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = T.Of(1) / e, "b", Shrunk);
    }

    /// <summary>
    /// The rules' boundaries, for e^{θ + 710} at θ = 0 (value and parts +∞) in the three types: a factor of 1 keeps +∞
    /// (T·1 ≥ T) and one of 1 − 2^-53 or ½ does not; a term of the other sign just below 2^970 keeps it (T − (2^970 − 2^917)
    /// &gt; MaxValue = T − 2^970) and one of 2^970 does not (T − 2^970 = MaxValue is within the range); a divisor of 1 keeps
    /// it and one of 1 + 2^-52 does not; ∞ + ∞ stays +∞ (at least 2T). The parts follow the value: every one stays +∞
    /// where it is kept.
    /// </summary>
    [Fact]
    public void TheBoundaries_KeepWhatIsProvablyBeyondTheRange()
    {
        double below = Math.BitDecrement(P2(970));
        Assert.Equal(P2(970) - P2(917), below);
        var theta = new HyperDual(0, 1, 1, 0);
        var e = HyperDual.Exp(theta + C(710));
        foreach (var kept in new[] { e * C(1), C(1) * e, e - C(below), C(-below) + e, e + e, e / C(1), e / C(-1) * C(-1) })
            Assert.Equal((double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity), (kept.Value, kept.E1, kept.E2, kept.E12));
        foreach (var shrinking in new Func<HyperDual>[] { () => e * C(Math.BitDecrement(1.0)), () => e * C(P2(-1)), () => e - C(P2(970)), () => C(-P2(970)) + e, () => e / C(Math.BitIncrement(1.0)) })
            AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = shrinking(), "b", Shrunk);
        Boundaries(HyperDualReal<Float64>.Variable(new Float64(0), true, true), x => [x.Value.Value, x.E1.Value, x.E2.Value, x.E12.Value]);
        Boundaries(HessianJet<Float64>.Variable(new Float64(0), 0, 1), x => [x.Value.Value, x.Gradient(0).Value, x.Hessian(0, 0).Value]);
    }

    private static void Boundaries<T>(T theta, Func<T, double[]> parts) where T : IReal<T>
    {
        double below = Math.BitDecrement(P2(970));
        var e = T.Exp(theta + T.Of(710));
        foreach (var kept in new[] { e * T.Of(1), T.Of(1) * e, e - T.Of(below), T.Of(-below) + e, e + e, e / T.Of(1), e / T.Of(-1) * T.Of(-1) })
            Assert.All(parts(kept), p => Assert.Equal(double.PositiveInfinity, p));
        foreach (var shrinking in new Func<T>[] { () => e * T.Of(Math.BitDecrement(1.0)), () => e * T.Of(P2(-1)), () => e - T.Of(P2(970)), () => T.Of(-P2(970)) + e, () => e / T.Of(Math.BitIncrement(1.0)) })
            AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = shrinking(), "b", Shrunk);
    }

    /// <summary>
    /// max and min chose by the values alone, and two values +∞ compare equal: max(e^{x+710}, e^711) at x = 0 gave the first,
    /// with gradient +∞, where the larger is the constant e^711 (gradient 0); min(e^711, e^{x+710}) gave the constant's
    /// gradient 0 where the smaller is e^{x+710} (gradient e^710, beyond the range). Two equal ±∞ values with different
    /// parts are now rejected in the jet and the generic hyper-dual; with equal parts either choice is the same number.
    /// </summary>
    [Fact]
    public void MaxOrMin_OfTwoOverflowedValuesWithDifferentParts_IsRejected()
    {
        var x = HessianJet<Float64>.Variable(new Float64(0), 0, 1);
        var varying = HessianJet<Float64>.Exp(x + J(710));
        var constant = HessianJet<Float64>.Exp(J(711));
        const string message = "max or min of two values that are both";
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HessianJet<Float64>.Max(varying, constant), "b", message);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HessianJet<Float64>.Min(constant, varying), "b", message);
        Assert.Equal(double.PositiveInfinity, HessianJet<Float64>.Max(varying, varying).Gradient(0).Value);
        Assert.Equal(0.0, HessianJet<Float64>.Max(constant, J(1)).Gradient(0).Value); // +∞ against a finite value: decided
        var theta = HyperDualReal<Float64>.Variable(new Float64(0), true, true);
        var generic = HyperDualReal<Float64>.Exp(theta + HyperDualReal<Float64>.Of(710));
        var genericConstant = HyperDualReal<Float64>.Exp(HyperDualReal<Float64>.Of(711));
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDualReal<Float64>.Max(generic, genericConstant), "b", message);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDualReal<Float64>.Min(genericConstant, generic), "b", message);
        Assert.Equal(double.PositiveInfinity, HyperDualReal<Float64>.Min(generic, generic).E1.Value);
    }

    /// <summary>
    /// e^{−∞} and erfc(+∞) were taken as exact zeros (no underflow bound), while −∞ and +∞ stand for values beyond the
    /// range whose e^{−A} and erfc(A) are positive: 1/e^{−e^710} (exact e^{e^710}, beyond the range) and 1/erfc(e^710)
    /// failed the divisor's domain check as plain ArgumentExceptions ("must be a non-zero number"), which the engine counts
    /// as failures of the code under test, and log(e^{−e^710}) (exact −e^710) was the constant log 0 = −∞. The zeros now carry
    /// the floor bound, and each is a DoubleRangeException, which the engine settles exactly.
    /// </summary>
    [Fact]
    public void ExpOfMinusInfinity_AndErfcOfPlusInfinity_AreNotExactZeros()
    {
        const string divisor = "a divisor whose value came out 0 by underflow";
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = C(1) / HyperDual.Exp(-HyperDual.Exp(C(710))), "b", divisor);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDual.Log(HyperDual.Exp(-HyperDual.Exp(C(710)))), "x", "came out 0 or below by underflow");
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = J(1) / HessianJet<Float64>.Exp(-HessianJet<Float64>.Exp(J(710))), "b", divisor);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = J(1) / HessianJet<Float64>.Erfc(HessianJet<Float64>.Exp(J(710))), "b", divisor);
        var large = HyperDualReal<Float64>.Exp(HyperDualReal<Float64>.Of(710));
        AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = HyperDualReal<Float64>.Of(1) / HyperDualReal<Float64>.Erfc(large), "b", divisor);
        // The saturated values themselves are kept: e^{−∞} = 0, erfc(+∞) = 0, erf(+∞) = 1.
        Assert.Equal(0.0, HyperDual.Exp(-HyperDual.Exp(C(710))).Value);
        Assert.Equal(0.0, HessianJet<Float64>.Erfc(HessianJet<Float64>.Exp(J(710))).Value.Value);
        Assert.Equal(1.0, HyperDualReal<Float64>.Erf(large).Value.Value);
    }

    /// <summary>
    /// A term with k infinite factors is at least T^k·|P| (P its finite factors' product). The first version kept it ±∞
    /// for |P| ≥ 2^(−1024(k − 1)), but T^k·2^(−1024(k − 1)) = T·(1 − 2^-54)^(k − 1): for k = 3, +∞·+∞·+∞·2^-1024·2^-1024 was
    /// +∞ where T³·2^-2048 ≈ 2^1024 − 3·2^970 is below double.MaxValue = 2^1024 − 2·2^970, within the range. The rule now
    /// asks for 2·2^(−1024(k − 1)) (then T^k·|P| ≥ T); for k = 2 that also rejects |P| in [2^-1024, 2^-1023), where the term
    /// is beyond MaxValue but may be below T. (No public operation forms a term of three infinite factors with so small a P
    /// today: the only one, the quotient's 2a·b₁b₂/b³, has |P| = 2/|b|³ ≥ 2, since a ±∞ dividend passes only over |b| ≤ 1.)
    /// </summary>
    [Fact]
    public void ATermOfSeveralOverflowedFactors_KeepsItsInfinityOnlyWithTheMargin()
    {
        static double Sum(params double[] factors)
        {
            var sum = new PartSum();
            sum.Add(factors);
            return sum.Rounded("b");
        }
        double inf = double.PositiveInfinity;
        const string message = "a derivative part: a ±∞ here stands for an exact value beyond";
        AutoDiffRejectionExamples.RejectsOutOfRange(() => Sum(inf, inf, inf, P2(-1024), P2(-1024)), "b", message);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => Sum(inf, -inf, P2(-1024)), "b", message);
        Assert.Equal(double.PositiveInfinity, Sum(inf, inf, inf, P2(-1023), P2(-1024)));
        Assert.Equal(double.NegativeInfinity, Sum(inf, -inf, P2(-1023)));
        Assert.Equal(double.PositiveInfinity, Sum(inf, 1));
        AutoDiffRejectionExamples.RejectsOutOfRange(() => Sum(inf, Math.BitDecrement(1.0)), "b", message);
    }

    /// <summary>
    /// A term with one ±∞ factor is at least T·|P|, which is beyond the range where |P| ≥ 1. P was compared with 1 after
    /// its own roundings: for P = 0x1.93ea5c4b4e05ap0·0x1.7589a83d1cb68p0·0x1.bcca37e24d648p-2 the rounded product is 1,
    /// and +∞·P stayed +∞, where exactly P = 1 − 1.23·2^-54 and T·P is below double.MaxValue = T − 2^970 (within the
    /// range). It is now compared exactly: rejected. The other way, P = 0x1.6c4454bcbc272p0·0x1.b78ac3384d144p0·
    /// 0x1.a323fea4d1c37p-2 rounds to 1 − 2^-53 and was rejected, where exactly P ≥ 1: now kept +∞ (T·P ≥ T).
    /// </summary>
    [Fact]
    public void ATermOfOneOverflowedFactor_ComparesItsFiniteFactorsWithOneExactly()
    {
        static double Sum(params double[] factors)
        {
            var sum = new PartSum();
            sum.Add(factors);
            return sum.Rounded("b");
        }
        double[] below = [Hex(0x193ea5c4b4e05a, 0), Hex(0x17589a83d1cb68, 0), Hex(0x1bcca37e24d648, -2)];
        double[] above = [Hex(0x16c4454bcbc272, 0), Hex(0x1b78ac3384d144, 0), Hex(0x1a323fea4d1c37, -2)];
        var t = ExactDouble.Pow2(1024) - ExactDouble.Pow2(970);
        var exactBelow = below.Aggregate(Fraction.One, (p, f) => p * ExactDouble.ToFraction(f));
        var exactAbove = above.Aggregate(Fraction.One, (p, f) => p * ExactDouble.ToFraction(f));
        Assert.Equal(1.0, ScaledSum.Product(below));
        Assert.True(t * exactBelow < MaxValue, "T·P should be within the range");
        Assert.Equal(Math.BitDecrement(1.0), ScaledSum.Product(above));
        Assert.True(exactAbove >= Fraction.One, "P should be at least 1");
        const string message = "a derivative part: a ±∞ here stands for an exact value beyond";
        AutoDiffRejectionExamples.RejectsOutOfRange(() => Sum([double.PositiveInfinity, .. below]), "b", message);
        AutoDiffRejectionExamples.RejectsOutOfRange(() => Sum([.. below, double.NegativeInfinity]), "b", message);
        Assert.Equal(double.PositiveInfinity, Sum([double.PositiveInfinity, .. above]));
        Assert.Equal(double.NegativeInfinity, Sum([-above[0], above[1], double.PositiveInfinity, above[2]]));
        Assert.Equal(double.PositiveInfinity, Sum(double.PositiveInfinity, P2(-3), 8)); // P = 1 exactly
        AutoDiffRejectionExamples.RejectsOutOfRange(() => Sum(double.PositiveInfinity, P2(-1074), P2(1023)), "b", message); // P = 2^-51
    }

    /// <summary>m·2^(e − 52) for a 53-bit integer m (exact).</summary>
    private static double Hex(long mantissa, int exponent) => Math.ScaleB((double)mantissa, exponent - 52);

    /// <summary>
    /// Comparisons of two values that are both +∞ or both −∞ answered as IEEE does (e^710 &lt; e^711 false, e^711 ≤ e^710
    /// true, and e^{θ+710} ≥ e^711 true, each wrong exactly), though each stands for an exact value beyond the range whose size is lost: they
    /// are now a <see cref="DoubleRangeException"/> in the jet and the generic hyper-dual, whatever the parts (a constant
    /// against a constant, a number against itself). Against a finite value (double.MaxValue) or the other ±∞ they are
    /// decided and answered.
    /// </summary>
    [Fact]
    public void Comparisons_OfTwoEqualInfinities_AreRejected()
    {
        Comparisons(HessianJet<Float64>.Variable(new Float64(0), 0, 1));
        Comparisons(HyperDualReal<Float64>.Variable(new Float64(0), true, true));
    }

    private static void Comparisons<T>(T theta) where T : IReal<T>
    {
        var varying = T.Exp(theta + T.Of(710));
        var constant = T.Exp(T.Of(711));
        var other = T.Exp(T.Of(710));
        const string message = "both values are beyond the double range on the same side";
        foreach (var (a, b) in new[] { (varying, constant), (constant, other), (varying, varying), (-constant, -other), (-varying, -constant) })
        {
            Assert.Equal(T.Estimate(a), T.Estimate(b));
            Assert.True(double.IsInfinity(T.Estimate(a)));
            AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = a < b, "b", message);
            AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = a <= b, "b", message);
            AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = a > b, "b", message);
            AutoDiffRejectionExamples.RejectsOutOfRange(() => _ = a >= b, "b", message);
        }
        var max = T.Of(double.MaxValue);
        Assert.Equal((false, false, true, true), (varying < max, varying <= max, varying > max, varying >= max));
        Assert.Equal((true, true, false, false), (-varying < max, -constant <= -max, -varying > -max, -constant >= -max));
        Assert.Equal((true, true, false, false), (-varying < constant, -constant <= varying, -varying > varying, -constant >= constant));
        Assert.Equal((false, false, true, true), (constant < -varying, varying <= -constant, constant > -varying, varying >= -constant));
    }

    /// <summary>
    /// Over rational intervals nothing changes: e^710 and e^711 are enclosed exactly, and their estimates as doubles are +∞
    /// both, but the intervals decide e^710 &lt; e^711 (the rule is for doubles only, as max and min's); intervals that
    /// overlap are still an <see cref="UndecidedException"/>, not a range error.
    /// </summary>
    [Fact]
    public void Comparisons_OverIntervals_AreTheIntervals()
    {
        IntervalComparisons(HessianJet<RationalInterval>.Variable(RationalInterval.Of(0), 0, 1));
        IntervalComparisons(HyperDualReal<RationalInterval>.Variable(RationalInterval.Of(0), true, true));
    }

    private static void IntervalComparisons<T>(T theta) where T : IReal<T>
    {
        var smaller = T.Exp(theta + T.Of(710));
        var larger = T.Exp(T.Of(711));
        Assert.Equal(double.PositiveInfinity, T.Estimate(smaller));
        Assert.Equal(double.PositiveInfinity, T.Estimate(larger));
        Assert.Equal((true, true, false, false), (smaller < larger, smaller <= larger, smaller > larger, smaller >= larger));
        var same = smaller;
        Assert.Throws<UndecidedException>(() => smaller < same);
    }
}
