using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Curvature.AutoDiff;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Exact;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The likelihoods' <see cref="LogSumExp"/> (balles-thesis App. D: log Σ_c e^{f_c}, log softmax, and softmax π of eq. D.12)
/// over the whole double range (issue 15, item 1), against rigorous exp/log enclosures, within the accuracy the type's
/// remarks state. The logits are m + δ_c: m anywhere in the range, δ_c ≤ 0 from 0 … −60 (tail terms e^δ from 1 to far
/// below u) and over the whole range, each rounded, in a random order (the largest is not always first), and ties.
/// </summary>
[Properties(MaxTest = 150)] // exact exp/log enclosures at 96 bits: a few ms a case
public class LogSumExpFullRangeProperties
{
    private const int Bits = 96;

    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    private static readonly Fraction Tiny = ExactDouble.Pow2(-1074);

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    private static Gen<double[]> Logits { get; } =
        from m in CurvatureFormulaRangeProperties.Spread
        from c in Gen.Choose(1, 5)
        from deltas in Gen.ArrayOf(Gen.Frequency(
            (3, Gen.Choose(0, 60 * 4096).Select(n => -n / 4096.0)),
            (1, Gen.Constant(0.0)),
            (1, FullRangeDoubles.NonNegative.Select(d => -d))), c - 1)
        from order in Gen.Shuffle(Enumerable.Range(0, c).ToArray())
        let f = new[] { m }.Concat(deltas.Select(d => m + d)).Select(v => double.IsFinite(v) ? v : m).ToArray()
        select order.Select(i => f[i]).ToArray();

    /// <summary>
    /// The exact shift m = max f_c, each e^{f_c − m} enclosed (1 for the first largest, which the code leaves out of r; an
    /// exponent below −800 as [0, 2^-1154]), and D = max |f_i − m| over the classes with |f_i − m| ≤ 746.
    /// </summary>
    private static (Fraction M, RationalInterval[] Terms, int K, double D) Exact(double[] f)
    {
        int k = Array.IndexOf(f, f.Max());
        var m = F(f[k]);
        var terms = new RationalInterval[f.Length];
        double d = 0;
        for (int i = 0; i < f.Length; i++)
        {
            var delta = F(f[i]) - m;
            terms[i] = i == k ? RationalInterval.Exact(Fraction.One)
                : delta < -800 ? new RationalInterval(Fraction.Zero, ExactDouble.Pow2(-1154))
                : ExactExp.Of(delta, Bits);
            if (-delta <= 746)
                d = Math.Max(d, -ExactDouble.ToDouble(delta));
        }
        return (m, terms, k, d);
    }

    private static string At(double[] f) => $"f = [{string.Join(", ", f.Select(v => v.ToString("R")))}]";

    private static Fraction Error(double computed, RationalInterval exact)
    {
        var c = F(computed);
        return FractionExtensions.Max(Fraction.Abs(c - exact.Lower), Fraction.Abs(c - exact.Upper));
    }

    /// <summary>
    /// log Σ_c e^{f_c} = m + log1p(r) within u·|m| + (D + C + 8)·u·log1p(r) + 2^-1074, the bound <see cref="LogSumExp.Of{T}"/>
    /// states, and finite for every finite f (m is a double, log1p(r) ≤ log C).
    /// </summary>
    [Property]
    public Property Of_IsWithinItsStatedBound() => Prop.ForAll(Logits.ToArbitrary(), f =>
    {
        double computed = LogSumExp.Of(f.Select(v => new Real(v)).ToArray()).Value;
        var (m, terms, _, d) = Exact(f);
        var sum = terms.Aggregate(RationalInterval.Exact(Fraction.Zero), (a, t) => a + t);
        var log1p = ExactLog.Of(sum, Bits); // log(1 + r), the term k being the 1
        var exact = RationalInterval.Exact(m) + log1p;
        var bound = Unit * Fraction.Abs(m) + (F(d) + f.Length + 8) * Unit * log1p.Upper + Tiny;
        if (!double.IsFinite(computed))
            return false.Label($"{At(f)}: {computed:R}");
        var error = Error(computed, exact);
        return (error <= bound).Label($"{At(f)}: computed {computed:R}, exact {exact}, error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R}");
    });

    /// <summary>
    /// log softmax(f)_c = (f_c − m) − log1p(r) within (D + C + 9)·u relative plus 2^-1074 (both terms ≤ 0, so no
    /// cancellation; the stated bound where the value is normal), or −∞ exactly where f_c − m is beyond −MaxValue.
    /// </summary>
    [Property]
    public Property LogSoftmax_IsWithinItsStatedBound() => Prop.ForAll(Logits.ToArbitrary(), Gen.Choose(0, 4).ToArbitrary(), (f, pick) =>
    {
        int c = pick % f.Length;
        double computed = LogSumExp.LogSoftmax(f.Select(v => new Real(v)).ToArray(), c).Value;
        var (m, terms, _, d) = Exact(f);
        var sum = terms.Aggregate(RationalInterval.Exact(Fraction.Zero), (a, t) => a + t);
        var exact = RationalInterval.Exact(F(f[c]) - m) - ExactLog.Of(sum, Bits);
        if (exact.Upper <= -ExactAgreement.OverflowThreshold)
            return (computed == double.NegativeInfinity).Label($"{At(f)}, c = {c}: {computed:R}, exact below −MaxValue");
        if (!double.IsFinite(computed))
            return false.Label($"{At(f)}, c = {c}: {computed:R}, exact {exact}");
        var bound = (F(d) + f.Length + 9) * Unit * Fraction.Abs(exact.Lower) + Tiny;
        var error = Error(computed, exact);
        return (error <= bound).Label($"{At(f)}, c = {c}: computed {computed:R}, exact {exact}, error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R}");
    });

    /// <summary>
    /// softmax π_i = e^{f_i − m}/Σ_j e^{f_j − m} within (|f_i − m| + 2C + 4) ulp where π_i is normal and 2^-1074 absolutely
    /// below (the bound <see cref="LogSumExp.Softmax"/> states); every π_i in [0, 1] and the largest at least 1/C. A π_i
    /// whose enclosure straddles 2^-1022 is checked only for its range (neither bound applies to all of it).
    /// </summary>
    [Property]
    public Property Softmax_IsWithinItsStatedBound() => Prop.ForAll(Logits.ToArbitrary(), f =>
    {
        var pi = LogSumExp.Softmax(f);
        var (m, terms, k, _) = Exact(f);
        var sum = terms.Aggregate(RationalInterval.Exact(Fraction.Zero), (a, t) => a + t);
        if (pi[k] < 1.0 / f.Length * (1 - 1e-15))
            return false.Label($"{At(f)}: the largest class has π = {pi[k]:R} < 1/C");
        for (int i = 0; i < f.Length; i++)
        {
            if (!(pi[i] >= 0 && pi[i] <= 1))
                return false.Label($"{At(f)}: π_{i} = {pi[i]:R}");
            var exact = terms[i] / sum;
            var error = Error(pi[i], exact);
            var normal = ExactDouble.Pow2(-1022);
            var bound = exact.Lower >= normal
                ? (Fraction.Abs(F(f[i]) - m) + 2 * f.Length + 4) * ExactDouble.UnitInLastPlace(exact.Lower)
                : Tiny;
            if (exact.Lower >= normal || exact.Upper < normal)
            {
                if (error > bound)
                    return false.Label($"{At(f)}: π_{i} = {pi[i]:R}, exact {exact}, error {ExactDouble.ToDouble(error):R} > {ExactDouble.ToDouble(bound):R}");
            }
        }
        return true.ToProperty();
    });
}
