using Fractions;
using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Engine;
using Verification.Claims.Model;
using Verification.Math.Exact;

namespace Verification.Claims.Catalog.Balles.Chapter3to5;

/// <summary>
/// Thesis §5.4.4: "Eq. (5.16) is ill-defined for t = 0, since ρ(β, 0) = 0. We use ŝ₀ = 0 … A division by zero only
/// occurs when m_{t,i} = v_{t,i} = 0."
/// </summary>
internal static class Sec544
{
    private const string Statement =
        "Eq. (5.16) is ill-defined for t = 0, since ρ(β, 0) = 0. … A division by zero [in (5.19)] only occurs when m_{t,i} = v_{t,i} = 0.";

    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim(
            "balles/sec-5.4.4",
            VarianceSources.Of("§5.4.4", "(5.15), (5.16)", "5.4.4"),
            Statement,
            "As written: the value ρ(β, 0) = 0, for every β ∈ [0, 1) (eq. 5.15).",
            [RhoAtZero(oneMinus: false)]);
        yield return new Claim(
            "balles/sec-5.4.4/ill-defined",
            VarianceSources.Of("§5.4.4", "(5.15), (5.16)", "5.4.4"),
            Statement,
            "The conclusion rather than the stated reason: (5.16) divides by 1 − ρ(β, 0), which is 0 because ρ(β, 0) = 1. Differs from the literal reading in the value of ρ(β, 0).",
            [RhoAtZero(oneMinus: true)]);
        yield return new Claim(
            "balles/sec-5.4.4/division-by-zero",
            VarianceSources.Of("§5.4.4", "(5.16), (5.19)", "5.4.4"),
            Statement,
            "The second sentence, read for the whole update of Alg. 2 (β ∈ [0, 1] as its input line allows): for t ≥ 1 and every gradient sequence, a division by zero (in the bias correction, in (5.16) or in (5.19)) occurs only when m_t = v_t = 0; and, a consequence the method relies on, γ̂_t^m ∈ [0, 1] because ŝ_t ≥ 0 (β ∈ (0, 1)).",
            [ZeroDivision(), FactorAtMostOne()]);
    }

    private static Inequality<double> RhoAtZero(bool oneMinus) => new()
    {
        Name = oneMinus ? "one-minus-rho-at-0" : "rho-at-0",
        Description = oneMinus ? "For all β ∈ [0, 1): 1 − ρ(β, 0) = 0." : "For all β ∈ [0, 1): ρ(β, 0) = 0.",
        Tolerance = "Exact: ρ(β, 0) = (1 − β)(1 + β)/((1 + β)(1 − β)) in rationals.",
        Relation = Relation.Equal,
        RelativeTolerance = 0,
        Generator = EqB26.Betas,
        Edges = () => [0.0, 0.5, 0.9, 0.999],
        Hypotheses = b => b >= 0 && b < 1 ? null : "β ∉ [0, 1)",
        Sides = b => new Sides(oneMinus ? 1 - RhoBeta.ClosedForm(b, 0) : RhoBeta.ClosedForm(b, 0), 0, 1),
        ExactSides = (b, _) =>
        {
            var rho = RhoBeta.ClosedForm(ExactDouble.ToFraction(b), 0);
            return new ExactSides(RationalInterval.Exact(oneMinus ? Fraction.One - rho : rho), RationalInterval.Zero);
        },
        Show = b => [NamedValue.Of("beta", b)],
        Why = _ => "ρ(β, 0) = (1 − β)(1 + β)/((1 + β)(1 − β)) = 1, not 0 (a single gradient has the full variance); (5.16) is still ill-defined, because 1 − ρ(β, 0) = 0.",
    };

    /// <summary>m_t, v_t (β₁ = β₂ = β, bias-corrected), ρ and ŝ_t, exactly, for a scalar gradient sequence.</summary>
    internal static (Fraction M, Fraction V, Fraction Rho, Fraction S) Quantities(Eq55.AdamSequence a)
    {
        var (m, v) = a.ExactMoments();
        var rho = RhoBeta.ClosedForm(ExactDouble.ToFraction(a.Beta1), a.T);
        return (m, v, rho, (v - m * m) / (Fraction.One - rho));
    }

    private static Gen<Eq55.AdamSequence> Sequences { get; } =
        from b in EqB26.Betas
        from gs in Eq55.Sequences(8).Where(g => g.Length >= 2)
        select new Eq55.AdamSequence(b, b, gs);

    private static IEnumerable<Eq55.AdamSequence> Edges() =>
        [new(0.9, 0.9, [0, 0]), new(0.9, 0.9, [1, -0.9]), new(0.5, 0.5, [1, 1]), new(0.0, 0.0, [0, 0, 0]), new(0.0, 0.0, [1, 1])];

    private static Eq55.AdamSequence Move(Eq55.AdamSequence a, System.Random r)
    {
        var gs = (double[])a.Gradients.Clone();
        int i = r.Next(gs.Length);
        gs[i] = r.Next(4) == 0 ? 0 : EdgeDoubles.Perturb(gs[i], r);
        return a with { Gradients = gs };
    }

    /// <summary>
    /// Whether some division of Alg. 2 at step t divides by zero (1 − β^(t+1) in the bias correction, 1 − ρ in (5.16),
    /// m² + ρŝ in (5.19)), and |m̃_t| + ṽ_t of the raw moving averages (zero exactly when m_t = v_t = 0).
    /// </summary>
    internal static (bool DividesByZero, Fraction Size) Division(Eq55.AdamSequence a)
    {
        var b = ExactDouble.ToFraction(a.Beta1);
        Fraction mt = Fraction.Zero, vt = Fraction.Zero;
        foreach (var gd in a.Gradients)
        {
            var g = ExactDouble.ToFraction(gd);
            mt = b * mt + (Fraction.One - b) * g;
            vt = b * vt + (Fraction.One - b) * g * g;
        }
        var size = Fraction.Abs(mt) + vt;
        var correction = Fraction.One - RhoBeta.Power(b, a.T + 1);
        if (correction.IsZero) return (true, size);
        var rho = RhoBeta.ClosedForm(b, a.T);
        if ((Fraction.One - rho).IsZero) return (true, size);
        var (m, v) = (mt / correction, vt / correction);
        var s = (v - m * m) / (Fraction.One - rho);
        return ((m * m + rho * s).IsZero, size);
    }

    private static Inequality<Eq55.AdamSequence> ZeroDivision() => new()
    {
        Name = "zero-division-only-at-m-v-zero",
        Description = "For all β ∈ [0, 1] (Alg. 2's range), t ≥ 1 and g_0…g_t: if a step of Alg. 2 divides by zero (bias correction, (5.16) or (5.19)) then m_t = v_t = 0 (checked as |m̃_t| + ṽ_t ≤ 0 there).",
        Tolerance = "Exact rationals (the double sides are the rounded exact values).",
        Generator = Gen.Frequency((6, Sequences), (1, Eq55.Sequences(4).Where(g => g.Length >= 2).Select(g => new Eq55.AdamSequence(0, 0, g)))),
        Edges = Edges,
        Move = Move,
        Hypotheses = a => a.Beta1 >= 0 && a.Beta1 <= 1 && a.T >= 1 ? null : "β ∉ [0, 1] or t = 0",
        Sides = a => Division(a) is var (zero, size) ? new Sides(zero ? ExactDouble.ToDouble(size) : 0, 0, 1) : default,
        ExactSides = (a, _) => Division(a) is var (zero, size)
            ? new ExactSides(RationalInterval.Exact(zero ? size : Fraction.Zero), RationalInterval.Zero) : default,
        Show = a => a.Describe(),
        Why = a => a.Beta1 == 0
            ? "With β = 0 (allowed by Alg. 2's β ∈ [0, 1]) ρ(0, t) = 1 for every t, so (5.16) divides by 1 − ρ = 0 at every step, although m_t = g_t ≠ 0."
            : a.Beta1 == 1
                ? "With β = 1 the bias correction divides by 1 − β^(t+1) = 0 at every step."
                : "A division by zero occurs although m_t or v_t is non-zero.",
    };

    private static Inequality<Eq55.AdamSequence> FactorAtMostOne() => new()
    {
        Name = "factor-in-unit-interval",
        Description = "For all β ∈ (0, 1), t ≥ 1 and g_0…g_t: ŝ_t ≥ 0, so γ̂^m = m²/(m² + ρŝ) ≤ 1 (checked as m_t² ≤ m_t² + ρŝ_t).",
        Tolerance = "Exact rationals.",
        Generator = Sequences,
        Edges = Edges,
        Move = Move,
        Hypotheses = a => a.Beta1 > 0 && a.Beta1 < 1 && a.T >= 1 ? null : "β ∉ (0, 1) (ŝ is 0/0 at β = 0) or t = 0",
        Sides = a =>
        {
            var (m, _, rho, s) = Quantities(a);
            double m2 = ExactDouble.ToDouble(m * m);
            return new Sides(m2, ExactDouble.ToDouble(m * m + rho * s), System.Math.Max(m2, double.Epsilon));
        },
        ExactSides = (a, _) =>
        {
            var (m, _, rho, s) = Quantities(a);
            return new ExactSides(RationalInterval.Exact(m * m), RationalInterval.Exact(m * m + rho * s));
        },
        Show = a => a.Describe(),
        Why = _ => "ŝ_t < 0: the variance estimate is negative and γ̂ exceeds 1.",
    };
}
