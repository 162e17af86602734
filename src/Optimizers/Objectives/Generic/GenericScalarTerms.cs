using Verification.Numerics;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Elementary;

namespace Verification.Optimizers.Objectives.Generic;

/// <summary>
/// One term φ of a separable objective over <see cref="IReal{T}"/>: φ, φ′, φ″, the twin of an <see cref="IScalarTerm"/>
/// (<see cref="Reference"/>), whose proven bounds (sup|φ‴|, the range of φ″) it shares.
/// </summary>
public interface IGenericScalarTerm
{
    /// <summary>The double implementation of the same term.</summary>
    IScalarTerm Reference { get; }

    /// <summary>φ(x).</summary>
    T Value<T>(T x) where T : IReal<T>;

    /// <summary>The size of the terms φ(x) sums (each term's absolute value, added): at least |φ(x)|.</summary>
    T Magnitude<T>(T x) where T : IReal<T>;

    /// <summary>φ′(x).</summary>
    T First<T>(T x) where T : IReal<T>;

    /// <summary>φ″(x).</summary>
    T Second<T>(T x) where T : IReal<T>;
}

/// <summary>The generic twins of the scalar terms in <c>Verification.Optimizers.Objectives</c>.</summary>
/// <remarks>
/// Range policy in <see cref="Float64"/> (issue 15, item 1; that of the reference terms): every finite x is accepted; each
/// of φ, Magnitude, φ′ and φ″ is ±∞ of its sign exactly where its exact value is beyond ±double.MaxValue, and never NaN.
/// The written-once formula is kept wherever its double result is finite (bit for bit the results before this policy, which
/// the engine's search and the catalog statistics rest on); where it is not finite although x is (a partial product
/// overflowed: cubic φ at q = −1, c = 1, x = 1e103 gave ∞, exact 1.67e308; or ∞ − ∞ formed: cubic φ at q = 1, c = −1,
/// x = 1e200 and Lorentzian φ at x = 1e200 gave NaN), the result is the reference term's value (<see cref="IScalarTerm"/>,
/// evaluated by ScaledSum, its own range policy), and Magnitude is its sum of |terms| re-formed as m·2^e (ScaledSum), so
/// that only its final rounding overflows. Lorentzian φ″ also takes the reference's value where x² overflows (β + s/∞
/// gave β, 0 at β = 0, where s/(1 + x²) is still a double: 1e-100 at s = 1e300, x = 1e200). A non-finite x is passed
/// through the written formula (NaN or ∞ out, never an exception: the engine's doubles keep them).
/// Accuracy in Float64, u = 2^-53, for parameters that are 0 or normal doubles: each result within 16u·scale +
/// 8·2^-1074·max(1, |parameters|) of its exact value, where scale is the sum of the absolute values of the formula's
/// terms — cubic: |qx²/2| + |cx³/6| (φ, Magnitude), |qx| + |cx²/2| (φ′), |q| + |cx| (φ″); log-cosh: |s|(|x| +
/// log(1 + e^{−2|x|}) + ln 2) (φ, Magnitude), |s| (φ′), |s|·sech²x (φ″); cosine-quadratic: |a cos x| + |bx²| (φ,
/// Magnitude), |a sin x| + |2bx| (φ′), |a cos x| + |2b| (φ″), with the platform's cos and sin; Lorentzian:
/// |βx²/2| + |s|(|x·atan x| + ½ln(1 + x²) + 1) (Magnitude), |βx| + |s·atan x| (φ′), |β| + |s|/(1 + x²) (φ″).
/// Cancellation within these sums is the only loss beyond a few ulps. Near 0, where the written forms cancel against
/// their own rounding, Float64 takes the reference term's cancellation-free value: log-cosh φ for |x| &lt; 1 (log1p of
/// 2sinh²(x/2), within 4u·|φ| + 2^-1074: the written form was only within u·|s|·2ln 2 absolute, e.g. 0 or ±2.2e-16·s
/// for x below 1e-8, exact s·x²/2), log-cosh φ′ for |x| &lt; ½ (s·tanh x, within 2.5u relative: the written
/// (q − p)/(q + p) was 0 at x = 1e-20, exact s·1e-20, and u/(2|x|) relative above), Lorentzian φ for |x| &lt; 1 (the
/// reference's series, within 8u·(|βx²/2| + |s part|): the written ln(1 + x²) rounded 1 + x² first, an absolute error
/// u·|s|/2, so φ = s·x² at x = 1e-10, exact s·x²/2). Where |x| ≥ 1 (½ for φ′) the written forms are within 16u of the
/// scale above relative to their own value, and are kept bit for bit.
/// Every other arithmetic (rational intervals, and Dual, HessianJet, HyperDualReal over them) runs the written formula
/// unchanged.
/// </remarks>
public static class GenericScalarTerm
{
    /// <summary>The generic twin of <paramref name="term"/>.</summary>
    /// <exception cref="ArgumentException">a term type without a generic twin.</exception>
    public static IGenericScalarTerm Of(IScalarTerm term) => term switch
    {
        CubicTerm t => new Cubic(t),
        LogCoshTerm t => new LogCosh(t),
        CosineQuadraticTerm t => new CosineQuadratic(t),
        LorentzianTerm t => new Lorentzian(t),
        null => throw new ArgumentNullException(nameof(term)),
        _ => throw new ArgumentException($"term {term.Name} ({term.GetType().Name}) has no generic version.", nameof(term)),
    };

    /// <summary>
    /// The range policy (see the remarks): <paramref name="written"/> unless T is <see cref="Float64"/>, x is finite and the
    /// written result is not finite (or <paramref name="alsoWhen"/>); then <paramref name="beyond"/>(term, x) in doubles
    /// (a static lambda: cached, nothing allocated per call).
    /// </summary>
    private static T InRange<T, TTerm>(T written, T x, TTerm term, Func<TTerm, double, double> beyond, bool alsoWhen = false) where T : IReal<T>
    {
        if (typeof(T) != typeof(Float64) || (T.IsFinite(written) && !alsoWhen))
            return written;
        double at = T.Estimate(x);
        return double.IsFinite(at) ? T.Of(beyond(term, at)) : written;
    }

    /// <summary>
    /// True in <see cref="Float64"/> for |x| below <paramref name="bound"/>, where a written form cancels (log-cosh φ and φ′,
    /// Lorentzian φ) and the reference term's cancellation-free value is taken instead; false for every other arithmetic.
    /// </summary>
    private static bool NearZero<T>(T x, double bound) where T : IReal<T> =>
        typeof(T) == typeof(Float64) && Math.Abs(T.Estimate(x)) < bound;

    /// <summary>φ = (q/2)x² + (c/6)x³: φ′ = qx + (c/2)x², φ″ = q + cx.</summary>
    private sealed class Cubic(CubicTerm t) : IGenericScalarTerm
    {
        public IScalarTerm Reference => t;

        public T Value<T>(T x) where T : IReal<T> => InRange(T.Of(t.Q) * x * x / 2 + T.Of(t.C) * x * x * x / 6, x, t, static (r, a) => r.Value(a));

        public T Magnitude<T>(T x) where T : IReal<T> =>
            InRange(T.Abs(T.Of(t.Q) * x * x / 2) + T.Abs(T.Of(t.C) * x * x * x / 6), x, this, static (self, a) => self.MagnitudeBeyond(a));

        public T First<T>(T x) where T : IReal<T> => InRange(T.Of(t.Q) * x + T.Of(t.C) * x * x / 2, x, t, static (r, a) => r.First(a));

        public T Second<T>(T x) where T : IReal<T> => InRange(T.Of(t.Q) + T.Of(t.C) * x, x, t, static (r, a) => r.Second(a));

        /// <summary>|q|x²/2 + |c||x|³/6 as m·2^e: ≤ 6 roundings, within 7u of the exact sum of the two positive terms.</summary>
        private double MagnitudeBeyond(double x)
        {
            double a = Math.Abs(x);
            var sum = new ScaledSum();
            sum.AddQuotient(2, Math.Abs(t.Q), a, a);
            sum.AddQuotient(6, Math.Abs(t.C), a, a, a);
            return sum.Value;
        }
    }

    /// <summary>
    /// φ = s·log cosh x = s(|x| + log(1 + e^(−2|x|)) − log 2); φ′ = s·tanh x with tanh x = (q − p)/(q + p),
    /// p = e^(−2·max(x, 0)), q = e^(2·min(x, 0)) (no overflow for either sign); φ″ = s·sech²x = 4s·e^(−2|x|)/(1 + e^(−2|x|))².
    /// </summary>
    private sealed class LogCosh(LogCoshTerm t) : IGenericScalarTerm
    {
        public IScalarTerm Reference => t;

        public T Value<T>(T x) where T : IReal<T>
        {
            var ax = T.Abs(x);
            return InRange(T.Of(t.S) * (ax + T.Log(1 + T.Exp(-2 * ax)) - T.Log(T.Of(2))), x, t, static (r, a) => r.Value(a),
                alsoWhen: NearZero(x, 1));
        }

        public T Magnitude<T>(T x) where T : IReal<T>
        {
            var ax = T.Abs(x);
            return InRange(T.Abs(T.Of(t.S)) * (ax + T.Log(1 + T.Exp(-2 * ax)) + T.Log(T.Of(2))), x, this, static (self, a) => self.MagnitudeBeyond(a));
        }

        public T First<T>(T x) where T : IReal<T>
        {
            var p = T.Exp(-2 * T.Max(x, T.Of(0)));
            var q = T.Exp(2 * T.Min(x, T.Of(0)));
            // |(q − p)/(q + p)| ≤ 1: finite for finite x; in Float64 below |x| = ½ the reference's s·tanh x (q − p cancels there)
            return InRange(T.Of(t.S) * (q - p) / (q + p), x, t, static (r, a) => r.First(a), alsoWhen: NearZero(x, 0.5));
        }

        public T Second<T>(T x) where T : IReal<T>
        {
            var e = T.Exp(-2 * T.Abs(x));
            var denominator = 1 + e;
            return InRange(4 * T.Of(t.S) * e / (denominator * denominator), x, t, static (r, a) => r.Second(a)); // 4s overflows for s > MaxValue/4
        }

        /// <summary>s·|x| + s·(log(1 + e^{−2|x|}) + ln 2) as m·2^e (s ≥ 0): the written pieces, only the final rounding overflows.</summary>
        private double MagnitudeBeyond(double x)
        {
            double a = Math.Abs(x);
            var sum = new ScaledSum();
            sum.Add(t.S, a);
            sum.Add(t.S, Math.Log(1 + Math.Exp(-2 * a)) + Math.Log(2));
            return sum.Value;
        }
    }

    /// <summary>φ = a·cos x + b·x²: φ′ = −a·sin x + 2bx, φ″ = −a·cos x + 2b.</summary>
    private sealed class CosineQuadratic(CosineQuadraticTerm t) : IGenericScalarTerm
    {
        public IScalarTerm Reference => t;

        public T Value<T>(T x) where T : IReal<T> => InRange(T.Of(t.A) * Trigonometry.Cos(x) + T.Of(t.B) * x * x, x, t, static (r, a) => r.Value(a));

        public T Magnitude<T>(T x) where T : IReal<T> =>
            InRange(T.Abs(T.Of(t.A) * Trigonometry.Cos(x)) + T.Abs(T.Of(t.B) * x * x), x, this, static (self, a) => self.MagnitudeBeyond(a));

        public T First<T>(T x) where T : IReal<T> => InRange(-T.Of(t.A) * Trigonometry.Sin(x) + 2 * T.Of(t.B) * x, x, t, static (r, a) => r.First(a));

        public T Second<T>(T x) where T : IReal<T> => InRange(-T.Of(t.A) * Trigonometry.Cos(x) + 2 * T.Of(t.B), x, t, static (r, a) => r.Second(a));

        /// <summary>|a cos x| + |b|x² as m·2^e: ≤ 3 roundings beyond cos's own.</summary>
        private double MagnitudeBeyond(double x)
        {
            var sum = new ScaledSum();
            sum.Add(Math.Abs(t.A), Math.Abs(Math.Cos(x)));
            sum.Add(Math.Abs(t.B), x, x);
            return sum.Value;
        }
    }

    /// <summary>φ = βx²/2 + s(x·atan x − ½ln(1 + x²)): φ′ = βx + s·atan x, φ″ = β + s/(1 + x²).</summary>
    private sealed class Lorentzian(LorentzianTerm t) : IGenericScalarTerm
    {
        public IScalarTerm Reference => t;

        public T Value<T>(T x) where T : IReal<T> =>
            InRange(T.Of(t.Beta) * x * x / 2 + T.Of(t.S) * (x * Trigonometry.Atan(x) - T.Log(1 + x * x) / 2), x, t, static (r, a) => r.Value(a),
                alsoWhen: NearZero(x, 1));

        public T Magnitude<T>(T x) where T : IReal<T> => InRange(
            T.Abs(T.Of(t.Beta) * x * x / 2) + T.Abs(T.Of(t.S)) * (T.Abs(x * Trigonometry.Atan(x)) + T.Log(1 + x * x) / 2),
            x, this, static (self, a) => self.MagnitudeBeyond(a));

        public T First<T>(T x) where T : IReal<T> => InRange(T.Of(t.Beta) * x + T.Of(t.S) * Trigonometry.Atan(x), x, t, static (r, a) => r.First(a));

        /// <summary>β + s/(1 + x²); in Float64 the reference's value also where x² overflows (s/∞ = 0 drops a double).</summary>
        public T Second<T>(T x) where T : IReal<T>
        {
            var square = x * x;
            return InRange(T.Of(t.Beta) + T.Of(t.S) / (1 + square), x, t, static (r, a) => r.Second(a), alsoWhen: !T.IsFinite(square));
        }

        /// <summary>
        /// |β|x²/2 + |s|(|x|·atan|x| + ½ln(1 + x²)) as m·2^e, the s-part's sum unrounded to a double (as the reference's
        /// φ forms it beyond the range): within 8u of the exact sum of the positive terms, only its final rounding overflows.
        /// </summary>
        private double MagnitudeBeyond(double x)
        {
            double a = Math.Abs(x);
            var bump = new ScaledSum();
            bump.Add(a, Math.Atan(a));
            bump.Add(LorentzianTerm.HalfLogOnePlusSquare(a));
            var sum = new ScaledSum();
            sum.AddQuotient(2, Math.Abs(t.Beta), a, a);
            sum.AddPowerTimes(bump, 1, 1, Math.Abs(t.S));
            return sum.Value;
        }
    }
}
