using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Curvature;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Exact;
using Verification.Tests.Properties.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// The generic chapter-7 formulas of <see cref="CurvatureFormulas"/> evaluated in <see cref="Float64"/> over the whole
/// double range (issue 15, item 1): tanh, softplus and log-sum-exp against rigorous exp/log enclosures (96 bits), within
/// the accuracy their doc comments state.
/// </summary>
[Properties(MaxTest = 150)] // exact exp/log enclosures: a few ms to 30 ms a case
public class CurvatureFormulaRangeProperties
{
    private const int Bits = 96;

    private static readonly Fraction Unit = ExactDouble.Pow2(-53);

    private static readonly Fraction Tiny = ExactDouble.Pow2(-1074);

    private static Fraction F(double x) => ExactDouble.ToFraction(x);

    /// <summary>Doubles over the whole range, and moderate ones times 1 or 40 (the band where tanh and e^f are not yet their limits).</summary>
    internal static Gen<double> Spread { get; } = Gen.Frequency(
        (3, FullRangeDoubles.Signed),
        (2, FullRangeDoubles.Moderate.SelectMany(x => Gen.Elements(x, -x, 40 * x, -40 * x))));

    /// <summary>tanh a within 2 ulp of its enclosure for every finite a (the written 1 − 2/(e^{2a} + 1) gave 0 below 2^-54).</summary>
    [Property]
    public Property Tanh_IsWithinTwoUlp() => Prop.ForAll(Spread.ToArbitrary(), a =>
        ExactAgreement.Within(CurvatureFormulas.Tanh(new Float64(a)).Value, TanhEnclosures.Tanh(F(a)), 2, $"tanh({a:R})"));

    /// <summary>
    /// softplus f = log(1 + eᶠ) within 10 ulp of the enclosure for |f| ≤ 800; beyond, exactly f or 0 (e^{−|f|} &lt; 2^-1154
    /// is below half an ulp of f, and below 2^-1075 for f &lt; −800).
    /// </summary>
    [Property]
    public Property Softplus_IsWithinTenUlp() => Prop.ForAll(Spread.ToArbitrary(), f =>
    {
        double computed = CurvatureFormulas.Softplus(new Float64(f)).Value;
        if (Math.Abs(f) > 800)
            return (computed == Math.Max(f, 0)).Label($"softplus({f:R}) = {computed:R}");
        var exact = ExactLog.Of(RationalInterval.Exact(1.0) + ExactExp.Of(f, Bits), Bits);
        return ExactAgreement.Within(computed, exact, 10, $"softplus({f:R})");
    });

    /// <summary>
    /// log Σ_c e^{f_c} for C = 2…4 within (C + 12)·u·(|m| + |log Σ_c e^{f_c − m}|) + 2^-1074 of the enclosure (m = max f_c):
    /// f_c = m + δ_c with m from the whole range and δ_c ≤ 0 over 0 … −60 and the whole range (each f_c then rounded, and
    /// the exact differences used), so that the tail terms e^{δ} range from 1 to far below u.
    /// </summary>
    [Property]
    public Property LogSumExp_IsWithinItsBound() => Prop.ForAll(
        (from m in Spread
         from c in Gen.Choose(2, 4)
         from deltas in Gen.ArrayOf(Gen.Frequency(
             (3, Gen.Choose(0, 60 * 4096).Select(n => -n / 4096.0)),
             (1, FullRangeDoubles.NonNegative.Select(d => -d))), c - 1)
         select new[] { m }.Concat(deltas.Select(d => m + d)).Select(v => double.IsFinite(v) ? v : m).ToArray()).ToArbitrary(),
        f =>
        {
            double computed = CurvatureFormulas.LogSumExp(f.Select(v => new Float64(v)).ToArray()).Value;
            var m = F(f.Max());
            var sum = RationalInterval.Exact(Fraction.Zero);
            foreach (double v in f)
            {
                var d = F(v) - m;
                sum += d < -800 ? new RationalInterval(Fraction.Zero, ExactDouble.Pow2(-1154)) : ExactExp.Of(d, Bits);
            }
            var log = ExactLog.Of(sum, Bits);
            var exact = RationalInterval.Exact(m) + log;
            var bound = (f.Length + 12) * Unit * (Fraction.Abs(m) + FractionExtensions.Max(Fraction.Abs(log.Lower), Fraction.Abs(log.Upper))) + Tiny;
            string at = $"f = [{string.Join(", ", f.Select(v => v.ToString("R")))}]";
            if (!double.IsFinite(computed))
                return false.Label($"{at}: {computed:R}");
            var c = F(computed);
            var error = FractionExtensions.Max(Fraction.Abs(c - exact.Lower), Fraction.Abs(c - exact.Upper));
            return (error <= bound).Label($"{at}: computed {computed:R}, exact {exact}, error {error.ToDouble():R} > {bound.ToDouble():R}");
        });
}
