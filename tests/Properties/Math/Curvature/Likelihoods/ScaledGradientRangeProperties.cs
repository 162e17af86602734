using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using MathNet.Numerics.LinearAlgebra;
using Verification.Numerics.Curvature.Exact;
using Verification.Numerics.Curvature.Likelihoods;
using Verification.Numerics.Exact;
using static Verification.Tests.Properties.Numerics.Curvature.Likelihoods.ScaledFormAssert;

namespace Verification.Tests.Properties.Numerics.Curvature.Likelihoods;

/// <summary>
/// ∇_f log p carried as M_m·2^(E_m) (<see cref="LikelihoodBase.GradientScaledWhereNeeded"/>, issue 15, item 1) where an entry
/// falls below 2^-1022: every entry against exact rationals or 96-bit exp enclosures, relatively, within the bound each
/// likelihood's doc comment states for it, and the form given wherever an exact nonzero entry is below 2^-1023 (it may be
/// given or not in the binade just below 2^-1022, where the decision is taken on the rounded value).
/// </summary>
[Properties(MaxTest = 150)]
public class ScaledGradientRangeProperties
{
    private static Vector<double> V(params double[] x) => Vector<double>.Build.DenseOfArray(x);

    /// <summary>
    /// GaussianIdentity: (y − f)/σ² within 2u relatively, with σ² up to double.MaxValue and y − f of any size (so that the
    /// quotient falls anywhere from the range's top down to far below 2^-1074).
    /// </summary>
    [Property]
    public Property GaussianIdentity_ScaledGradient_IsTheQuotient() => Prop.ForAll(
        (from y in FullRangeDoubles.Signed
         from f in FullRangeDoubles.Signed
         from variance in Gen.Frequency((1, FullRangeDoubles.Positive), (2, Gen.Choose(900, 1023).Select(k => Math.ScaleB(1.5, k))))
         select (y, f, variance)).ToArbitrary(),
        c =>
        {
            var (y, f, variance) = c;
            var likelihood = new GaussianIdentity(variance);
            var exact = (F(y) - F(f)) / F(variance);
            var g = likelihood.GradientScaledWhereNeeded(y, V(f));
            string at = $"y = {y:R}, f = {f:R}, σ² = {variance:R}";
            var result = GivenWhereNeeded(g, [exact], at);
            return g is null ? result : result.And(Within(g, 0, RationalInterval.Exact(exact), Fraction.Abs(exact), 2, at));
        });

    /// <summary>
    /// GaussianMeanVariance: a = (y − μ)/v within 2u relatively, ∇_v = a²/2 − 1/(2v) within 7u of (a² + 1/v)/2, v up to
    /// double.MaxValue; a quarter of the cases with y − μ = ρ√v, where the two terms of ∇_v cancel.
    /// </summary>
    [Property]
    public Property GaussianMeanVariance_ScaledGradient_IsTheGradient() => Prop.ForAll(
        Gen.Frequency(
            (3, from y in FullRangeDoubles.Signed
                from mu in FullRangeDoubles.Signed
                from v in Gen.Frequency((1, FullRangeDoubles.Positive), (2, Gen.Choose(900, 1023).Select(k => Math.ScaleB(1.25, k))))
                select (y, mu, v)),
            // y − μ = ρ√v with ρ ∈ (0, 2]: a² and 1/v are of one size and ∇_v = (ρ² − 1)/(2v) cancels, below 2^-1022 for
            // v above 2^1020 (the independent draws almost never put a² within a factor 4 of 1/v there)
            (1, from k in Gen.Choose(1000, 1023)
                from rho in Gen.Choose(1, 64).Select(j => j / 32.0)
                let v = Math.ScaleB(1.25, k)
                select (rho * Math.Sqrt(v), 0.0, v))).ToArbitrary(),
        c =>
        {
            var (y, mu, v) = c;
            var likelihood = new GaussianMeanVariance();
            var a = (F(y) - F(mu)) / F(v);
            var dv = a * a / 2 - 1 / (2 * F(v));
            var g = likelihood.GradientScaledWhereNeeded(y, V(mu, v));
            string at = $"y = {y:R}, μ = {mu:R}, v = {v:R}";
            var result = GivenWhereNeeded(g, [a, dv], at);
            return g is null
                ? result
                : result.And(Within(g, 0, RationalInterval.Exact(a), Fraction.Abs(a), 2, at))
                    .And(Within(g, 1, RationalInterval.Exact(dv), (a * a + 1 / F(v)) / 2, 7, at));
        });

    /// <summary>
    /// BernoulliLogit: ∇ = σ(−f) for y = 1 and −σ(f) for y = 0, within 3u relatively of the enclosure e^t/(1 + e^t) for
    /// t = ∓f in [−4096, −700] (ExactExp's reach), and below 2^-5900 in magnitude, with the right sign, below −4096.
    /// </summary>
    [Property]
    public Property BernoulliLogit_ScaledGradient_IsTheSigmoid() => Prop.ForAll(
        (from t in Gen.Frequency((4, Between(-4096, -600)), (1, FullRangeDoubles.Positive.Select(x => -x)))
         from y in Gen.Elements(0.0, 1.0)
         select (t, y)).ToArbitrary(),
        c =>
        {
            var (t, y) = c;
            double f = y == 1 ? -t : t;
            var g = new BernoulliLogit().GradientScaledWhereNeeded(y, V(f));
            string at = $"y = {y}, f = {f:R}";
            return Exponential(g, t, y == 1 ? 1 : -1, e => e / (RationalInterval.Exact(1.0) + e), at);
        });

    /// <summary>PoissonLog at y = 0: ∇ = −e^f, within 3u relatively for f in [−4096, −700], below 2^-5900 beyond.</summary>
    [Property]
    public Property PoissonLog_ScaledGradient_IsMinusTheRate() => Prop.ForAll(
        Gen.Frequency((4, Between(-4096, -600)), (1, FullRangeDoubles.Positive.Select(x => -x))).ToArbitrary(),
        f =>
        {
            var likelihood = new PoissonLog();
            var g = likelihood.GradientScaledWhereNeeded(0, V(f));
            var result = Exponential(g, f, -1, e => e, $"y = 0, f = {f:R}");
            // y ≥ 1: y − λ is never below 2^-1022, so no form is given
            return result.And((likelihood.GradientScaledWhereNeeded(1, V(f)) is null).Label($"y = 1, f = {f:R}: a scaled form was given"));
        });

    /// <summary>sign·φ(e^t) for t in [−4096, −600], 3u relatively; below −4096, magnitude below 2^-5900 with the sign.</summary>
    private static Property Exponential(ScaledVector? g, double t, int sign, Func<RationalInterval, RationalInterval> phi, string at)
    {
        if (t < -ExactExp.MaxArgument)
            return (g is not null && Math.Sign(g.Mantissas[0]) == sign && (long)Math.ILogB(g.Mantissas[0]) + g.Exponents[0] < -5900)
                .Label($"{at}: {g?.Mantissas[0]:R}·2^{g?.Exponents[0]}, expected a {(sign > 0 ? "positive" : "negative")} value below 2^-5900");
        var exact = phi(ExactExp.Of(t, Bits));
        if (sign < 0)
            exact = new RationalInterval(-exact.Upper, -exact.Lower);
        var result = GivenWhereNeeded(g, [exact.Lower], at);
        return g is null ? result : result.And(Within(g, 0, exact, Fraction.Abs(exact.Lower), 3, at));
    }

    /// <summary>
    /// CategoricalSoftmax, C = 3, logits m + d_c with d_c in [−4096, 0] at any offset m: −π_c and the label's Σ_{c≠y} π_c within
    /// (2D + 4C + 9)·2u relatively (the class's (2D + 4C + 9) ulp, an ulp at most 2u), D = max |f_c − m| over the classes
    /// with |f_c − m| ≤ 4096, against enclosures from exp of the exact differences.
    /// </summary>
    [Property(MaxTest = 80)]
    public Property CategoricalSoftmax_ScaledGradient_IsLabelMinusSoftmax() => Prop.ForAll(
        (from offset in Gen.Frequency((2, Between(-50, 50)), (1, FullRangeDoubles.Signed.Select(x => x / 4)))
         from d in Gen.ArrayOf(Gen.Frequency((2, Between(-4096, -600)), (1, Between(-30, 0))), 3)
         from y in Gen.Choose(0, 2)
         select (f: d.Select(x => offset + x).ToArray(), y)).ToArbitrary(),
        c =>
        {
            const int classes = 3;
            var (f, y) = c;
            var exact = f.Select(F).ToArray();
            var m = exact.Max()!;
            var reach = new Fraction(4096);
            var e = exact.Select(x => m - x <= reach ? ExactExp.Of(x - m, Bits) : new RationalInterval(Fraction.Zero, ExactDouble.Pow2(-5900))).ToArray();
            var sum = e.Aggregate((p, q) => p + q);
            var pi = e.Select(x => x / sum).ToArray();
            double dMax = exact.Select(x => m - x).Where(x => x <= reach).Select(x => (double)x.ToDecimal()).Max();
            double k = 2 * (2 * dMax + 4 * classes + 9);
            var g = new CategoricalSoftmax(classes).GradientScaledWhereNeeded(y, V(f));
            string at = $"f = [{string.Join(", ", f.Select(v => v.ToString("R")))}], y = {y}";
            var entries = Enumerable.Range(0, classes).Select(i => i == y
                ? Enumerable.Range(0, classes).Where(j => j != i).Select(j => pi[j]).Aggregate((p, q) => p + q)
                : new RationalInterval(-pi[i].Upper, -pi[i].Lower)).ToArray();
            var result = GivenWhereNeeded(g, entries.Select(x => x.Lower), at);
            if (g is null)
                return result;
            for (int i = 0; i < classes; i++)
                if (m - exact[i] <= reach)
                    result = result.And(Within(g, i, entries[i], Fraction.Abs(entries[i].Lower), k, at));
            return result;
        });
}
