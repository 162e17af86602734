using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using Verification.Numerics.Curvature;
using Verification.Numerics.Exact;

namespace Verification.Tests.Properties.Numerics.Curvature;

/// <summary>
/// <see cref="CurvatureFormulas.ScaledLikelihoodTermsWhereNeeded"/>: the expectation weights, node scores and
/// ∇²_f log p of the Bernoulli logit, Poisson log rate and 3-class softmax carried as M·2^E, against the same closed forms
/// (<see cref="CurvatureFormulas.Expectation{U}"/>, <see cref="CurvatureFormulas.LogDensityDerivatives{T}"/>) in 128-bit
/// rational enclosures at the double f, entry by entry and relatively; and, where it returns null, that no exact weight,
/// node score or ∇²_f log p entry is enclosed below 2^-1022 (so the doubles serve).
/// </summary>
/// <remarks>
/// f entries k + j·2^-20 within ±4000 (rational e^t is enclosed for |t| ≤ 4096 only; softmax entries within ±2000, so
/// each f_c − m is too), half of them drawn from [−1600, −690], around where e^f leaves the normal range (−708.4). Bounds (u = 2^-53), from the method's remarks: logit and Poisson 3u + 2^-1018 (the
/// pieces that are 1 are within 2^-1018 and the small ones within ScaledExp's 3u); softmax, with T = max_c |f_c − m|, π_c
/// within (|t_c| + 2C + 5)u, 1 − π_k within (T + 3C + 3)u (C − 2 more additions), π_iπ_j within (2T + 4C + 11)u and
/// π_i(1 − π_i) within (2T + 5C + 9)u (one mantissa product), the largest: every entry within (2T + 5C + 9)u. The
/// enclosures' relative width (below 2^-100 at 128 bits for these magnitudes) is added, as 2^-100.
/// </remarks>
[Properties(MaxTest = 200)]
public class ScaledLikelihoodTermsRangeProperties
{
    private static readonly Fraction U = ExactDouble.Pow2(-53);

    private static readonly Fraction Width = ExactDouble.Pow2(-100);

    /// <summary>k + j·2^-20 (exact doubles), k from [−limit, limit] or, half the time, from [−1600, −690].</summary>
    private static Gen<double> LogScale(int limit) =>
        from k in Gen.Frequency((1, Gen.Choose(-limit, limit)), (1, Gen.Choose(-1600, -690)))
        from j in Gen.Choose(0, (1 << 20) - 1)
        select k + Math.ScaleB(j, -20);

    private static Fraction Exact((double Mantissa, int Exponent) x) => ExactDouble.ToFraction(x.Mantissa) * ExactDouble.Pow2(x.Exponent);

    /// <summary>The worst relative distance of a carried value from the two ends of its enclosure, in units of u.</summary>
    private static Fraction Relative((double Mantissa, int Exponent) value, RationalInterval exact)
    {
        var v = Exact(value);
        Fraction low = Fraction.Abs(v - exact.Lower), high = Fraction.Abs(v - exact.Upper);
        Fraction a = Fraction.Abs(exact.Lower), b = Fraction.Abs(exact.Upper), scale = a < b ? a : b;
        return (low > high ? low : high) / scale;
    }

    private static Property Check(LikelihoodFamily family, double[] f)
    {
        var shape = new CurvatureShape(ModelFamily.TanhMlp, family, inputs: 1);
        var terms = CurvatureFormulas.ScaledLikelihoodTermsWhereNeeded(shape, f);
        string at = $"{shape.LikelihoodName}, f = [{string.Join(", ", f.Select(v => v.ToString("R")))}]";
        var fi = f.Select(v => RationalInterval.Exact(v)).ToArray();
        var rule = CurvatureFormulas.Expectation(shape, fi);
        var (_, hessian) = CurvatureFormulas.LogDensityDerivatives(shape, rule[0].Label, fi);
        if (terms is null)
        {
            // the doubles serve: no exact weight, node score or ∇²_f log p entry lies below 2^-1022 (an enclosure's upper end;
            // the Poisson nodes' scores (λ + u±) − λ are enclosed with λ's width beside them, which may contain 0 for large λ;
            // a double that is 0 through cancellation, as 1 − σ(f) at f = 114, is not this method's concern)
            var pieces = rule.SelectMany(p => CurvatureFormulas.LogDensityDerivatives(shape, p.Label, fi).Gradient.Append(p.Weight))
                .Concat(Enumerable.Range(0, hessian.Rows).SelectMany(i => Enumerable.Range(0, hessian.Columns).Select(k => hessian[i, k])));
            var smallest = pieces.Select(v => v.Abs().Upper).Aggregate((a, b) => a < b ? a : b);
            return (smallest >= ExactDouble.Pow2(-1022)).Label($"null at {at}, but an exact piece is at most {(double)smallest:R}, below 2^-1022");
        }
        Fraction bound;
        if (family == LikelihoodFamily.CategoricalSoftmax)
        {
            double max = f.Max(), t = f.Max(v => max - v);
            bound = (2 * ExactDouble.ToFraction(t) + 5 * 3 + 9) * U + Width;
        }
        else
            bound = 3 * U + ExactDouble.Pow2(-1018) + Width;
        var result = (terms.Nodes.Count == rule.Count).Label($"{terms.Nodes.Count} nodes at {at}, the rule has {rule.Count}");
        if (terms.Nodes.Count != rule.Count)
            return result;
        for (int k = 0; k < rule.Count; k++)
        {
            var (gradient, _) = CurvatureFormulas.LogDensityDerivatives(shape, rule[k].Label, fi);
            var (weight, g) = terms.Nodes[k];
            var e = Relative(weight, rule[k].Weight);
            result = result.And((e <= bound).Label($"w_{k} at {at}: M = {weight.Mantissa:R}, E = {weight.Exponent}, {(double)(e / U):R}u > {(double)(bound / U):R}u"));
            for (int m = 0; m < g.Count; m++)
            {
                e = Relative((g.Mantissas[m], g.Exponents[m]), gradient[m]);
                result = result.And((e <= bound).Label($"g_{k},{m} at {at}: M = {g.Mantissas[m]:R}, E = {g.Exponents[m]}, {(double)(e / U):R}u > {(double)(bound / U):R}u"));
            }
        }
        for (int i = 0; i < hessian.Rows; i++)
            for (int k = 0; k < hessian.Columns; k++)
            {
                var e = Relative(terms.Hessian[i, k], hessian[i, k]);
                result = result.And((e <= bound).Label($"A_{i}{k} at {at}: M = {terms.Hessian[i, k].Mantissa:R}, E = {terms.Hessian[i, k].Exponent}, {(double)(e / U):R}u > {(double)(bound / U):R}u"));
            }
        return result;
    }

    /// <summary>Bernoulli logit (eq. D.33): f over [−4000, 4000], both tails (rational e^t is enclosed for |t| ≤ 4096).</summary>
    [Property]
    public Property BernoulliLogit_ScaledTerms_AreWithinTheirBounds() =>
        Prop.ForAll(LogScale(4000).Select(v => new[] { v }).ToArbitrary(), f => Check(LikelihoodFamily.BernoulliLogit, f));

    /// <summary>Poisson log rate: f over [−4000, 700] (above, the double rule's 4λ overflows: not a use here).</summary>
    [Property]
    public Property PoissonLog_ScaledTerms_AreWithinTheirBounds() =>
        Prop.ForAll(LogScale(4000).Where(v => v <= 700).Select(v => new[] { v }).ToArbitrary(), f => Check(LikelihoodFamily.PoissonLog, f));

    /// <summary>Categorical softmax, C = 3 (eq. D.12): each f_c over [−2000, 2000], so every f_c − m is within 4096.</summary>
    [Property]
    public Property CategoricalSoftmax_ScaledTerms_AreWithinTheirBounds() =>
        Prop.ForAll(Gen.ArrayOf(LogScale(2000).Select(v => Math.Clamp(v, -2000, 2000)), 3).ToArbitrary(), f => Check(LikelihoodFamily.CategoricalSoftmax, f));
}
