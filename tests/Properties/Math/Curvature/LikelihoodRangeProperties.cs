using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Exact;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The likelihoods of balles-thesis §7 / App. D over the whole double range (issue 15, item 1): log p, ∇_f log p and
/// ∇²_f log p against exact rationals or rigorous exp/log enclosures (96 bits), within the accuracy each doc comment
/// states, and an <see cref="ArgumentException"/> exactly where the exact result lies beyond ±double.MaxValue (a band of
/// relative width <see cref="Band"/> around the threshold may go either way: the computed value carries a few u).
/// </summary>
[Properties(MaxTest = 150)] // exact exp/log enclosures: about 10–30 ms a case
public class LikelihoodRangeProperties
{
    /// <summary>u = 2^-53.</summary>
    private const double Unit = 1.1102230246251565e-16;

    /// <summary>Relative width of the undecided band around the overflow threshold: well above the few u of any result.</summary>
    private const double Band = 1e-12;

    /// <summary>Beyond |f| = 800, e^(−|f|) &lt; 2^-1154: σ, softplus and the gradients round to 0, 1 or f exactly.</summary>
    private const double ExactReach = 800;

    private static readonly Fraction Max = ExactDouble.ToFraction(double.MaxValue);

    /// <summary>Enclosure precision: 2^-96 relative, far below the 2^-53 of the results compared.</summary>
    private const int Bits = 96;

    /// <summary>log 2π, enclosed once.</summary>
    private static readonly RationalInterval LogTwoPi = ExactLog.Of(ExactConstants.Pi(Bits) * RationalInterval.Exact(2.0), Bits);

    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    private static RationalInterval Exact(double x) => RationalInterval.Exact(x);

    private static RationalInterval Exact(Fraction x) => RationalInterval.Exact(x);

    /// <summary>σ(f) = 1/(1 + e^(−f)) and σ(−f) = e^(−f)/(1 + e^(−f)), enclosed.</summary>
    private static (RationalInterval Sigma, RationalInterval SigmaOfMinus) Sigmoids(double f)
    {
        var e = ExactExp.Of(-f, Bits);
        var one = Exact(1.0);
        return (one / (one + e), e / (one + e));
    }

    /// <summary>softplus(f) = log(1 + e^f), enclosed.</summary>
    private static RationalInterval Softplus(double f) => ExactLog.Of(Exact(1.0) + ExactExp.Of(f, Bits), Bits);

    /// <summary>
    /// BernoulliLogit (eq. D.33): σ and ∇ within 3 ulp, ∇² within 7 ulp, softplus and log p within 10 ulp of the enclosures
    /// for |f| ≤ 800; beyond, the correctly rounded limits (0, ±1, −f or 0).
    /// </summary>
    [Property]
    public Property BernoulliLogit_IsAccurateOverTheWholeRange() => Prop.ForAll(
        Gen.Frequency((3, FullRangeDoubles.Signed), (2, FullRangeDoubles.Moderate.SelectMany(x => Gen.Elements(x, -x, 40 * x, -40 * x)))).ToArbitrary(),
        f =>
        {
            var likelihood = new BernoulliLogit();
            double sigma = BernoulliLogit.Sigmoid(f), softplus = BernoulliLogit.Softplus(f);
            double log1 = likelihood.LogDensity(1, V(f)), log0 = likelihood.LogDensity(0, V(f));
            double grad1 = likelihood.Gradient(1, V(f))[0], grad0 = likelihood.Gradient(0, V(f))[0];
            double hessian = likelihood.Hessian(1, V(f))[0, 0];
            string at = $"f = {f:R}";
            if (Math.Abs(f) > ExactReach)
            {
                bool positive = f > 0;
                return (sigma == (positive ? 1 : 0) && softplus == (positive ? f : 0) && log1 == (positive ? 0 : f) && log0 == (positive ? -f : 0)
                        && grad1 == (positive ? 0 : 1) && grad0 == (positive ? -1 : 0) && hessian == 0)
                    .Label($"{at}: σ {sigma:R}, softplus {softplus:R}, log p {log1:R}/{log0:R}, ∇ {grad1:R}/{grad0:R}, ∇² {hessian:R}");
            }
            var (s, sMinus) = Sigmoids(f);
            return ExactAgreement.Within(sigma, s, 3, $"σ at {at}")
                .And(ExactAgreement.Within(softplus, Softplus(f), 10, $"softplus at {at}"))
                .And(ExactAgreement.Within(log1, -Softplus(-f), 10, $"log p(1|f) at {at}"))
                .And(ExactAgreement.Within(log0, -Softplus(f), 10, $"log p(0|f) at {at}"))
                .And(ExactAgreement.Within(grad1, sMinus, 3, $"∇ log p(1|f) at {at}"))
                .And(ExactAgreement.Within(grad0, -s, 3, $"∇ log p(0|f) at {at}"))
                .And(ExactAgreement.Within(hessian, -(s * sMinus), 7, $"∇² at {at}"));
        });

    /// <summary>
    /// BernoulliProbability: log p within 8 ulp (log1p(−q)) or 1 ulp (log q) of the enclosure, ∇ within 2 ulp and ∇² within
    /// 4 ulp of the exact rationals, over every q ∈ (0, 1) from 2^-1074 to 1 − 2^-53; an entry beyond ±double.MaxValue is an
    /// <see cref="ArgumentException"/>.
    /// </summary>
    [Property]
    public Property BernoulliProbability_IsAccurateOrRejectsOverTheWholeRange() => Prop.ForAll(
        Gen.Frequency((4, FullRangeDoubles.Positive.Where(q => q < 1)), (1, Gen.Choose(1, 53).Select(k => 1 - Math.ScaleB(1.0, -k)))).ToArbitrary(),
        q =>
        {
            var likelihood = new BernoulliProbability();
            var qq = ExactDouble.ToFraction(q);
            var notQ = Fraction.One - qq;
            string at = $"q = {q:R}";
            return ExactAgreement.Within(likelihood.LogDensity(1, V(q)), ExactLog.Of(qq, Bits), 1, $"log p(1|q) at {at}")
                .And(ExactAgreement.Within(likelihood.LogDensity(0, V(q)), ExactLog.Of(notQ, Bits), 8, $"log p(0|q) at {at}"))
                .And(WithinOrRejected(() => likelihood.Gradient(1, V(q))[0], Fraction.One / qq, 2, $"∇ log p(1|q) at {at}"))
                .And(WithinOrRejected(() => likelihood.Gradient(0, V(q))[0], -Fraction.One / notQ, 2, $"∇ log p(0|q) at {at}"))
                .And(WithinOrRejected(() => likelihood.Hessian(1, V(q))[0, 0], -Fraction.One / (qq * qq), 4, $"∇² log p(1|q) at {at}"))
                .And(WithinOrRejected(() => likelihood.Hessian(0, V(q))[0, 0], -Fraction.One / (notQ * notQ), 4, $"∇² log p(0|q) at {at}"));
        });

    /// <summary>
    /// GaussianIdentity over every finite y, f and σ² ≥ 1/double.MaxValue-ish: ∇ = (y − f)/σ² within 2 ulp of the exact rational
    /// and ∇² = −1/σ² correctly rounded, or an <see cref="ArgumentException"/> where beyond the range; log p = −t² − ½log(2πσ²)
    /// within 9u·t² + 11u·|½log(2πσ²)| + 2^-1074 of the enclosure, or rejected where −t² − … is beyond −double.MaxValue.
    /// </summary>
    [Property]
    public Property GaussianIdentity_IsAccurateOrRejectsOverTheWholeRange() => Prop.ForAll(
        (from y in FullRangeDoubles.Signed from f in FullRangeDoubles.Signed from v in FullRangeDoubles.Positive select (y, f, v)).ToArbitrary(),
        x =>
        {
            var (y, f, v) = x;
            var likelihood = new GaussianIdentity(v);
            var r = ExactDouble.ToFraction(y) - ExactDouble.ToFraction(f);
            var vv = ExactDouble.ToFraction(v);
            string at = $"y = {y:R}, f = {f:R}, σ² = {v:R}";
            var halfSquare = r * r / (2 * vv);
            return WithinOrRejected(() => likelihood.Gradient(y, V(f))[0], r / vv, 2, $"∇ at {at}")
                .And(WithinOrRejected(() => likelihood.Hessian(y, V(f))[0, 0], -Fraction.One / vv, 0.5, $"∇² at {at}"))
                .And(LogDensityWithin(() => likelihood.LogDensity(y, V(f)), halfSquare, v, $"log p at {at}"));
        });

    /// <summary>
    /// GaussianMeanVariance over every finite y, μ and v &gt; 0 (a quarter of the cases with y − μ subnormal and v in
    /// (2^-52, 1), where a is subnormal and a/v normal): each entry of ∇ and ∇² within 8u of the sum of its terms'
    /// magnitudes (a = (y − μ)/v: |a|; (a² + 1/v)/2; 1/v; |a|/v; (1/(2v) + a²)/v) of the exact rational, or an
    /// <see cref="ArgumentException"/>, which must come where an exact entry is beyond the range and may come only where a
    /// term scale is; log p as for <see cref="GaussianIdentity_IsAccurateOrRejectsOverTheWholeRange"/>.
    /// </summary>
    [Property]
    public Property GaussianMeanVariance_IsAccurateOrRejectsOverTheWholeRange() => Prop.ForAll(
        Gen.Frequency(
            (3, from y in FullRangeDoubles.Signed from mu in FullRangeDoubles.Signed from v in FullRangeDoubles.Positive select (y, mu, v)),
            // y − μ subnormal and v in (2^-52, 1): a = (y − μ)/v is subnormal while a/v, an entry of ∇², is normal
            // (r = k·2^-1074 with k < 2^34, v ≥ 2^-16, so a < 2^-1024 and a/v up to 2^-1008; y = μ + r is exact, as every
            // multiple of 2^-1074 below 2^-1021 is a double)
            (1, from mu in FullRangeDoubles.Subnormal.SelectMany(t => Gen.Elements(t, -t, 0.0))
                from k in Gen.Choose(0, 1 << 17).SelectMany(h => Gen.Choose(1, 1 << 17).Select(l => (long)h * (1 << 17) + l))
                from sign in Gen.Elements(1.0, -1.0)
                from v in FullRangeDoubles.Moderate.Select(t => Math.ScaleB(t, -Math.ILogB(t) - 1)).SelectMany(t => Gen.Choose(0, 16).Select(j => Math.ScaleB(t, -j)))
                select (mu + sign * k * double.Epsilon, mu, v))).ToArbitrary(),
        x =>
        {
            var (y, mu, v) = x;
            var likelihood = new GaussianMeanVariance();
            var vv = ExactDouble.ToFraction(v);
            var a = (ExactDouble.ToFraction(y) - ExactDouble.ToFraction(mu)) / vv;
            var inverse = Fraction.One / vv;
            string at = $"y = {y:R}, μ = {mu:R}, v = {v:R}";
            (Fraction Exact, Fraction Scale)[] gradient = [(a, Fraction.Abs(a)), ((a * a - inverse) / 2, (a * a + inverse) / 2)];
            (Fraction Exact, Fraction Scale)[] hessian =
            [
                (-inverse, inverse), (-a * inverse, Fraction.Abs(a) * inverse),
                (-a * inverse, Fraction.Abs(a) * inverse), ((inverse / 2 - a * a) * inverse, (inverse / 2 + a * a) * inverse),
            ];
            var halfSquare = a * a * vv / 2;
            return EntriesWithinOrRejected(() => likelihood.Gradient(y, V(mu, v)).ToArray(), gradient, 8, $"∇ at {at}")
                .And(EntriesWithinOrRejected(() => likelihood.Hessian(y, V(mu, v)).ToRowMajorArray(), hessian, 8, $"∇² at {at}"))
                .And(LogDensityWithin(() => likelihood.LogDensity(y, V(mu, v)), halfSquare, v, $"log p at {at}"));
        });

    /// <summary>
    /// CategoricalSoftmax with C = 3 over full-range logits (and logits a few units apart at full-range offsets, where the
    /// classes share the mass): every entry of ∇ and ∇² within (2D + 4C + 9) ulp of the enclosures from exp of the exact
    /// differences f_i − max f, D = max |f_i − m| over the classes with |f_i − m| ≤ 746 (exp's condition number); log p within (C + 6)u·(|f_c − m| + log C) + 2^-1074, or rejected where below −double.MaxValue.
    /// </summary>
    [Property(MaxTest = 60)]
    public Property CategoricalSoftmax_IsAccurateOrRejectsOverTheWholeRange() => Prop.ForAll(
        Gen.Frequency(
            (1, Gen.ArrayOf(FullRangeDoubles.Signed, 3)),
            // logits 0…3 units or ulps apart at any magnitude: the classes share the mass, and for |b| above 2^53 equal
            // logits are where f_c − log Σ e^{f_i} cancelled
            (2, from b in FullRangeDoubles.Signed
                from offsets in Gen.ArrayOf(Gen.Choose(-3, 3), 3)
                select offsets.Select(o => b + o * Math.Max(1, Math.BitIncrement(Math.Abs(b)) - Math.Abs(b))).ToArray()))
            .Select(f => f.Select(v => double.IsFinite(v) ? v : Math.CopySign(double.MaxValue, v)).ToArray()).ToArbitrary(),
        f =>
        {
            const int classes = 3;
            var likelihood = new CategoricalSoftmax(classes);
            var exact = f.Select(ExactDouble.ToFraction).ToArray();
            var m = exact.Max()!;
            var limit = new Fraction(-(long)ExactReach);  // e^-800 < 2^-1154
            var e = exact.Select(x => x - m >= limit ? ExactExp.Of(x - m, Bits) : new RationalInterval(Fraction.Zero, ExactDouble.Pow2(-1154))).ToArray();
            var sum = e.Aggregate((p, q) => p + q);
            var pi = e.Select(x => x / sum).ToArray();
            string at = $"f = [{string.Join(", ", f.Select(v => v.ToString("R")))}]";
            var reach = new Fraction(746);
            double d = exact.Select(x => m - x).Where(x => x <= reach).Select(x => (double)x.ToDecimal()).Max();
            double ulps = 2 * d + 4 * classes + 9;
            var result = true.ToProperty();
            int y = 0; // the label's class; the others are checked through ∇ and ∇²
            var gradient = likelihood.Gradient(y, V(f));
            var hessian = likelihood.Hessian(y, V(f));
            for (int i = 0; i < classes; i++)
            {
                var others = Enumerable.Range(0, classes).Where(c => c != i).Select(c => pi[c]).Aggregate((p, q) => p + q);
                result = result.And(ExactAgreement.Within(gradient[i], i == y ? others : -pi[i], ulps, $"∇_{i} at {at}"));
                for (int j = 0; j < classes; j++)
                    result = result.And(ExactAgreement.Within(hessian[i, j], i == j ? -(pi[i] * others) : pi[i] * pi[j], ulps, $"∇²_{i}{j} at {at}"));
            }
            var logP = Exact(exact[y] - m) - ExactLog.Of(sum, Bits);
            var scale = Fraction.Abs(exact[y] - m) + new Fraction(11, 10);
            return result.And(LogWithin(() => likelihood.LogDensity(y, V(f)), logP, scale, classes + 6, $"log p at {at}"));
        });

    /// <summary>Within <paramref name="ulps"/> ulp of a finite exact value, or rejected where that value is beyond the range.</summary>
    private static Property WithinOrRejected(Func<double> compute, Fraction exact, double ulps, string what)
    {
        var magnitude = Fraction.Abs(exact);
        bool beyond = magnitude > Max * ExactDouble.ToFraction(1 + Band), inside = magnitude < Max * ExactDouble.ToFraction(1 - Band);
        double computed;
        try
        {
            computed = compute();
        }
        catch (ArgumentException ex)
        {
            return (!inside).Label($"{what}: rejected ({ex.Message}) but the exact {ExactDouble.ToDouble(exact):R} is in range");
        }
        if (beyond)
            return false.Label($"{what}: returned {computed:R} but the exact value is beyond ±double.MaxValue");
        if (!inside)
            return true.ToProperty();
        return ExactAgreement.Within(computed, Exact(exact), ulps, what);
    }

    /// <summary>
    /// Each entry within tolerance·u·scale of the exact value, or rejected: required where an exact entry is beyond the
    /// range, allowed only where a term scale is.
    /// </summary>
    private static Property EntriesWithinOrRejected(Func<double[]> compute, (Fraction Exact, Fraction Scale)[] entries, double tolerance, string what)
    {
        bool anyBeyond = entries.Any(e => Fraction.Abs(e.Exact) > Max * ExactDouble.ToFraction(1 + Band));
        bool scalesInside = entries.All(e => e.Scale < Max * ExactDouble.ToFraction(1 - Band));
        double[] computed;
        try
        {
            computed = compute();
        }
        catch (ArgumentException ex)
        {
            return (!scalesInside).Label($"{what}: rejected ({ex.Message}) but every term scale is in range");
        }
        if (anyBeyond)
            return false.Label($"{what}: returned [{string.Join(", ", computed)}] but an exact entry is beyond ±double.MaxValue");
        var result = true.ToProperty();
        for (int i = 0; i < entries.Length; i++)
        {
            var error = Fraction.Abs(ExactDouble.ToFraction(computed[i]) - entries[i].Exact);
            var bound = ExactDouble.ToFraction(tolerance * Unit) * entries[i].Scale + ExactDouble.Pow2(-1074);
            result = result.And((error <= bound).Label($"{what}[{i}]: {computed[i]:R} vs exact {ExactDouble.ToDouble(entries[i].Exact):R}, error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R}"));
        }
        return result;
    }

    /// <summary>
    /// log p = −(halfSquare) − ½log(2πv) within 9u·halfSquare + 11u·|½log(2πv)| + 2^-1074 (GaussianIdentity's remarks: 7u on
    /// t², 10u on the log term, one rounding of the difference), or rejected beyond −double.MaxValue.
    /// </summary>
    private static Property LogDensityWithin(Func<double> compute, Fraction halfSquare, double v, string what)
    {
        var halfLog = RationalInterval.Exact(new Fraction(1, 2)) * (LogTwoPi + ExactLog.Of(ExactDouble.ToFraction(v), Bits));
        var exact = -Exact(halfSquare) - halfLog;
        var scale = 9 * halfSquare + 11 * (Fraction.Abs(halfLog.Lower) + Fraction.Abs(halfLog.Upper - halfLog.Lower));
        return LogWithin(compute, exact, scale, 1, what);
    }

    /// <summary>|computed − exact| ≤ k·u·scale + 2^-1074 (exact enclosed), or rejected where exact is beyond −double.MaxValue.</summary>
    private static Property LogWithin(Func<double> compute, RationalInterval exact, Fraction scale, double k, string what)
    {
        bool beyond = exact.Upper < -Max * ExactDouble.ToFraction(1 + Band), inside = exact.Lower > -Max * ExactDouble.ToFraction(1 - Band);
        double computed;
        try
        {
            computed = compute();
        }
        catch (ArgumentException ex)
        {
            return (!inside).Label($"{what}: rejected ({ex.Message}) but the exact value {exact.Midpoint:R} is in range");
        }
        if (beyond)
            return false.Label($"{what}: returned {computed:R} but the exact value is below −double.MaxValue");
        if (!inside)
            return true.ToProperty();
        var c = ExactDouble.ToFraction(computed);
        var bound = ExactDouble.ToFraction(k * Unit) * scale + ExactDouble.Pow2(-1074);
        var error = Fraction.Abs(c - exact.Lower) > Fraction.Abs(c - exact.Upper) ? Fraction.Abs(c - exact.Lower) : Fraction.Abs(c - exact.Upper);
        return (error <= bound).Label($"{what}: {computed:R} vs exact {exact.Midpoint:R}, error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R}");
    }
}
