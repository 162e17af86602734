using FsCheck;
using FsCheck.Fluent;
using Fractions;
using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Statistics;

namespace Verification.Claims.Catalog.Balles;

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
            [new RhoAtZero(oneMinus: false)]);
        yield return new Claim(
            "balles/sec-5.4.4/ill-defined",
            VarianceSources.Of("§5.4.4", "(5.15), (5.16)", "5.4.4"),
            Statement,
            "The conclusion rather than the stated reason: (5.16) divides by 1 − ρ(β, 0), which is 0 because ρ(β, 0) = 1. Differs from the literal reading in the value of ρ(β, 0).",
            [new RhoAtZero(oneMinus: true)]);
        yield return new Claim(
            "balles/sec-5.4.4/division-by-zero",
            VarianceSources.Of("§5.4.4", "(5.16), (5.19)", "5.4.4"),
            Statement,
            "The second sentence, read for the whole update of Alg. 2 (β ∈ [0, 1] as its input line allows): for t ≥ 1 and every gradient sequence, a division by zero (in the bias correction, in (5.16) or in (5.19)) occurs only when m_t = v_t = 0; and, a consequence the method relies on, γ̂_t^m ∈ [0, 1] because ŝ_t ≥ 0 (β ∈ (0, 1)).",
            [new ZeroDivision(), new FactorAtMostOne()]);
    }

    /// <summary>ρ(β, 0) = 0, or 1 − ρ(β, 0) = 0.</summary>
    private sealed class RhoAtZero : Statement<double>
    {
        private readonly bool _oneMinus;

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public RhoAtZero(bool oneMinus)
        {
            _oneMinus = oneMinus;
            Name = oneMinus ? "one-minus-rho-at-0" : "rho-at-0";
            Description = oneMinus ? "For all β ∈ [0, 1): 1 − ρ(β, 0) = 0." : "For all β ∈ [0, 1): ρ(β, 0) = 0.";
            Tolerance = "Double-only allowance 1e-12 (ρ(β, 0) = (1 − β)(1 + β)/((1 + β)(1 − β)) is a few roundings from 1); exact rationals decide.";
            Kind = StatementKind.Identity;
            MarginUnit = "absolute (ρ lies in [0, 1])";
            Domain = new()
            {
                Generator = MovingAverageInput.Betas,
                Edges = () => [0.5, 0.0, 0.9, 0.999],
                Perturb = (b, r) => Math.Min(Math.Abs(EdgeDoubles.Perturb(b, r)), Math.BitDecrement(1.0)),
                Shrink = b => Simplicity.Candidates(b).Where(x => x >= 0 && x < 1),
                Describe = b => [NamedValue.Of("beta", b)],
            };
            // 1 − ρ(β, 0) = 0 by an exact identity on the box, extended to the stated domain β ∈ [0, 1) where the hypothesis
            // and the divisor (1 + β)(1 − β) are checked to be decided as on the box. (ρ(β, 0) = 0 is false: no proof.)
            if (oneMinus)
                Proofs = [new ProofDomain<double>
                {
                    Box = [new ProofCoordinate("β", 0, 0.5)],
                    At = v => v[0],
                    CoversStatedDomain = true,
                    Identity = new ExactIdentity { Region = [RegionInterval.Of(Fraction.Zero, false, Fraction.One, true)] },
                }];
        }

        public override Relation<T> Evaluate<T>(double input)
        {
            var beta = T.Input(input);
            Assume.That(beta >= 0 && beta < 1, "β ∉ [0, 1)");
            var rho = MovingAverageFormulas.RhoAsWritten(beta, 0);
            return Relation.Equal(_oneMinus ? 1 - rho : rho, T.Of(0), T.Of(1), 1e-12);
        }

        public override string Explain(double input) =>
            "ρ(β, 0) = (1 − β)(1 + β)/((1 + β)(1 − β)) = 1, not 0 (a single gradient has the full variance); (5.16) is still ill-defined, because 1 − ρ(β, 0) = 0.";
    }

    /// <summary>Alg. 2's step t with β₁ = β₂ = β, in arithmetic T.</summary>
    private sealed record Step<T>(T RawSize, bool DividesByZero, T M, T Rho, T S) where T : IReal<T>;

    /// <summary>
    /// Alg. 2's divisions at step t: the bias correction by 1 − β^(t+1), (5.16) by 1 − ρ(β, t), (5.19) by m² + ρŝ; each
    /// is decided in T before it is made. RawSize = |m̃_t| + ṽ_t, zero exactly when m_t = v_t = 0.
    /// </summary>
    private static Step<T> Run<T>(AdamSequenceInput input) where T : IReal<T>
    {
        var (beta, _, gs) = input.Read<T>();
        var (mt, vt) = MovingAverageFormulas.RawMoments(beta, beta, gs);
        var size = T.Abs(mt) + vt;
        var correction = 1 - MovingAverageFormulas.Power(beta, input.T + 1);
        if (T.Sign(correction) == 0)
            return new Step<T>(size, true, T.Of(0), T.Of(0), T.Of(0));
        var rho = MovingAverageFormulas.RhoAsWritten(beta, input.T);
        var oneMinusRho = 1 - rho;
        if (T.Sign(oneMinusRho) == 0)
            return new Step<T>(size, true, T.Of(0), rho, T.Of(0));
        var (m, v) = (mt / correction, vt / correction);
        var s = (v - m * m) / oneMinusRho;
        return new Step<T>(size, T.Sign(m * m + rho * s) == 0, m, rho, s);
    }

    private static Gen<AdamSequenceInput> Sequences { get; } =
        from b in MovingAverageInput.Betas
        from gs in AdamSequenceInput.Sequences(8).Where(g => g.Length >= 2)
        select new AdamSequenceInput(b, b, gs);

    private static Func<IEnumerable<AdamSequenceInput>> Edges => () =>
        [new(0.9, 0.9, [0, 0]), new(0.9, 0.9, [1, -0.9]), new(0.5, 0.5, [1, 1]), new(0.0, 0.0, [0, 0, 0]), new(0.0, 0.0, [1, 1])];

    /// <summary>A division by zero in Alg. 2 ⇒ m_t = v_t = 0.</summary>
    private sealed class ZeroDivision : Statement<AdamSequenceInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public ZeroDivision()
        {
            Name = "zero-division-only-at-m-v-zero";
            Description = "For all β ∈ [0, 1] (Alg. 2's range), t ≥ 1 and g_0…g_t: if a step of Alg. 2 divides by zero (bias correction, (5.16) or (5.19)) then m_t = v_t = 0 (checked as |m̃_t| + ṽ_t ≤ 0 there).";
            Tolerance = "None: the divisors are decided exactly (a double that rounds a divisor to 0 or away from it is re-decided in exact rationals).";
            MarginUnit = "absolute (|m̃_t| + ṽ_t, in units of the gradients)";
            Domain = AdamSequenceInput.Domain(
                Gen.Frequency((6, Sequences), (1, AdamSequenceInput.Sequences(4).Where(g => g.Length >= 2).Select(g => new AdamSequenceInput(0, 0, g)))),
                Edges, sameBeta: true);
        }

        public override Relation<T> Evaluate<T>(AdamSequenceInput input)
        {
            var beta = T.Input(input.Beta1);
            Assume.That(beta >= 0 && beta <= 1 && input.T >= 1, "β ∉ [0, 1] or t = 0");
            var step = Run<T>(input);
            return step.DividesByZero
                ? Relation.LessOrEqual(step.RawSize, T.Of(0)).Labelled("a division by zero occurs: |m̃_t| + ṽ_t ≤ 0")
                : Relation.Trivially<T>("no division by zero at this step: the implication holds vacuously");
        }

        public override string Explain(AdamSequenceInput input) => input.Beta1 == 0
            ? "With β = 0 (allowed by Alg. 2's β ∈ [0, 1]) ρ(0, t) = 1 for every t, so (5.16) divides by 1 − ρ = 0 at every step, although m_t = g_t ≠ 0."
            : "A division by zero occurs although m_t or v_t is non-zero.";
    }

    /// <summary>ŝ_t ≥ 0, so γ̂^m = m²/(m² + ρŝ) ≤ 1.</summary>
    private sealed class FactorAtMostOne : Statement<AdamSequenceInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public FactorAtMostOne()
        {
            Name = "factor-in-unit-interval";
            Description = "For all β ∈ (0, 1), t ≥ 1 and g_0…g_t: ŝ_t ≥ 0, so γ̂^m = m²/(m² + ρŝ) ≤ 1 (checked as m_t² ≤ m_t² + ρŝ_t).";
            Tolerance = "None: every double-precision violation is decided in exact rationals.";
            MarginUnit = "relative to m_t² + ρ|ŝ_t|";
            Domain = AdamSequenceInput.Domain(Sequences, Edges, sameBeta: true);
        }

        public override Relation<T> Evaluate<T>(AdamSequenceInput input)
        {
            var beta = T.Input(input.Beta1);
            Assume.That(beta > 0 && beta < 1 && input.T >= 1, "β ∉ (0, 1) (ŝ is 0/0 at β = 0) or t = 0");
            var step = Run<T>(input);
            var m2 = step.M * step.M;
            var scale = m2 + step.Rho * T.Abs(step.S);
            return Relation.LessOrEqual(m2, m2 + step.Rho * step.S, T.Sign(scale) > 0 ? scale : T.Of(1));
        }

        public override string Explain(AdamSequenceInput input) => "ŝ_t < 0: the variance estimate is negative and γ̂ exceeds 1.";
    }
}
