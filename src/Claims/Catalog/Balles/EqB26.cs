using FsCheck;
using FsCheck.Fluent;
using Verification.Claims.Catalog.Balles.Inputs;
using Verification.Claims.Catalog.Balles.Shared;
using Verification.Engine;
using Verification.Numerics.Arithmetic;
using Verification.Numerics.Statistics;

namespace Verification.Claims.Catalog.Balles;

/// <summary>
/// Thesis eq. (B.26) with (B.27), (5.14) and E[v − m²] = (1 − ρ)σ²: the variance of the bias-corrected moving
/// average m_t of iid gradients.
/// </summary>
internal static class EqB26
{
    internal static Claim Claim() => new(
        "balles/eq-B.26",
        VarianceSources.Of("eq. (B.26)", "(B.27), (5.14), (5.15)", "B.2.4, 5.4.1"),
        "ρ(β, t) := Σ_{s=0}^t c(β, t, s)² = (1 − β)(1 + β^(t+1))/((1 + β)(1 − β^(t+1))); ρ(β, t) → (1 − β)/(1 + β) as t → ∞; E[m_t²] ≈ ∇f² + ρ(β, t)σ² and E[v_t − m_t²] ≈ (1 − ρ(β, t))σ².",
        "β ∈ [0, 1) (β = 1 makes c(β, t, s) = 0/0). The ≈ of (5.14) are equalities when g_0…g_t are iid with mean ∇f and variance σ² (Assumption 5.1 made exact), which is checked by enumerating every sequence of a discrete gradient distribution, with β₁ = β₂ = β as §5.4.1 prescribes. The limit (B.27) is checked as the trend of ρ(β, t)/((1 − β)/(1 + β)) along t_k = ⌈2^k/(1 − β)⌉ − 1.",
        [new ClosedForm(), new Limit(), new SecondMoment(), new VarianceEstimate()]);

    /// <summary>Σ_s c(β, t, s)² = the closed form of (B.26), both as written.</summary>
    private sealed class ClosedForm : Statement<(double Beta, int T)>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public ClosedForm()
        {
            Name = "closed-form";
            Description = "For all β ∈ [0, 1) and t = 0…40: Σ_s c(β, t, s)² = (1 − β)(1 + β^(t+1))/((1 + β)(1 − β^(t+1))), c(β, t, s) = (1 − β)β^(t−s)/(1 − β^(t+1)) (B.23); both sides with the factor 1 − β^(t+1) = (1 − β)Σ_{k≤t}βᵏ cancelled (the same values for β < 1), so neither cancels in doubles as β → 1.";
            Tolerance = "Double-only allowance 1e-12 of the closed form (≤ 45 rounded operations, no cancellation); exact rationals decide every larger difference.";
            Kind = StatementKind.Identity;
            MarginUnit = "relative to the closed form";
            Domain = new()
            {
                Generator = from b in MovingAverageInput.Betas from t in Gen.Choose(0, 40) select (b, t),
                Edges = () => [(0.0, 0), (0.0, 5), (0.5, 0), (0.9, 10), (0.999, 40), (1 - 1e-9, 40)],
                Perturb = (p, r) => (Math.Min(Math.Abs(EdgeDoubles.Perturb(p.Beta, r)), Math.BitDecrement(1.0)), p.T),
                Shrink = p => Simplicity.Candidates(p.Beta).Where(b => b >= 0 && b < 1).Select(b => (b, p.T)),
                Describe = p => [NamedValue.Of("beta", p.Beta), NamedValue.Of("t", p.T)],
            };
        }

        public override Relation<T> Evaluate<T>((double Beta, int T) input)
        {
            var beta = T.Input(input.Beta);
            Assume.That(beta >= 0 && beta < 1, "β ∉ [0, 1)");
            var sum = MovingAverageFormulas.SumOfSquaredWeights(beta, input.T);
            var closed = MovingAverageFormulas.Rho(beta, input.T);
            return Relation.Equal(sum, closed, closed, 1e-12);
        }

        public override string Explain((double Beta, int T) input) => "Σ c² differs from the closed form (B.26).";
    }

    /// <summary>(B.27): ρ(β, t)/((1 − β)/(1 + β)) → 1.</summary>
    private sealed class Limit : TrendStatement<double>
    {
        /// <summary>2^k for k = 0…8: t_k = ⌈2^k/(1 − β)⌉ − 1 makes β^(t_k+1) ≤ e^(−2^k).</summary>
        private static readonly double[] Powers = [1, 2, 4, 8, 16, 32, 64, 128, 256];

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Limit()
        {
            Name = "limit-B.27";
            Description = "For all β ∈ [0, 1): ρ(β, t)/((1 − β)/(1 + β)) → 1 along t_k = ⌈2^k/(1 − β)⌉ − 1, k = 0…8 (where β^(t+1) ≤ e^(−2^k)).";
            Tolerance = "Trend rule: the last three ratios must agree within 1e-9 (relative) and the last lie within that spread plus 1e-9 of the limit 1; β^(t+1) beyond t = 4096 is exp((t + 1)·ln β), enclosed outward in exact arithmetic.";
            Limit = 1;
            TailSpread = 1e-9;
            MarginUnit = "relative to the limit 1";
            Domain = new()
            {
                Generator = MovingAverageInput.Betas,
                Edges = () => [0.0, 0.5, 0.9, 0.999, 1 - 1e-9],
                Perturb = (b, r) => Math.Min(Math.Abs(EdgeDoubles.Perturb(b, r)), Math.BitDecrement(1.0)),
                Describe = b => [NamedValue.Of("beta", b), NamedValue.Text("t_k", string.Join(", ", Steps(b)))],
            };
        }

        private static IEnumerable<long> Steps(double beta) => Powers.Select(p => (long)Math.Ceiling(p / (1 - beta)) - 1);

        protected override IReadOnlyList<double> Sequence(double input) => Steps(input).Select(t => (double)t).ToArray();

        protected override T Ratio<T>(double input, T t)
        {
            var beta = T.Input(input);
            Assume.That(beta >= 0 && beta < 1, "β ∉ [0, 1)");
            // t is one of the sequence's exact integer constants (≤ 2^53), recovered to pick the exact power for small t.
            long steps = (long)T.Estimate(t);
            return MovingAverageFormulas.RhoAsWritten(beta, steps) / ((1 - beta) / (1 + beta));
        }

        public override string Explain(double input) => "ρ(β, t) does not approach (1 − β)/(1 + β).";
    }

    /// <summary>(5.14): E[m_t²] = ∇f² + ρ(β, t)σ².</summary>
    private sealed class SecondMoment : Statement<MovingAverageInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public SecondMoment()
        {
            Name = "eq-5.14";
            Description = "For all β ∈ [0, 1), t ≤ 4 and iid g_s from a discrete distribution: E[m_t²] = ∇f² + ρ(β, t)σ², ρ(β, t) = Σ_s c(β, t, s)².";
            Tolerance = "Double-only allowance 1e-12 of E[v_t] (≤ 32 sequences of ≤ 5 rounded terms, weights in the cancellation-free form β^(t−s)/Σβ^k); exact rationals decide.";
            Kind = StatementKind.Identity;
            MarginUnit = "relative to E[v_t] = ∇f² + σ² (the size of both sides)";
            Domain = MovingAverageInput.Domain;
        }

        public override Relation<T> Evaluate<T>(MovingAverageInput input)
        {
            var (beta, law) = input.Read<T>();
            var mean = law.Mean()[0];
            var variance = law.Variance()[0];
            var lhs = input.Expectation(beta, law, (m, _) => m * m);
            var rhs = mean * mean + MovingAverageFormulas.SumOfSquaredWeights(beta, input.T) * variance;
            var scale = input.Expectation(beta, law, (_, v) => v);
            return Relation.Equal(lhs, rhs, T.Sign(scale) > 0 ? scale : T.Of(1), 1e-12);
        }

        public override string Explain(MovingAverageInput input) => "E[m_t²] differs from ∇f² + ρσ².";
    }

    /// <summary>E[v_t − m_t²] = (1 − ρ(β, t))σ² with β₁ = β₂ = β.</summary>
    private sealed class VarianceEstimate : Statement<MovingAverageInput>
    {
        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public VarianceEstimate()
        {
            Name = "E[v-m^2]";
            Description = "For all β ∈ [0, 1), t ≤ 4 and iid g_s from a discrete distribution: E[v_t − m_t²] = (1 − ρ(β, t))σ² (β₁ = β₂ = β).";
            Tolerance = "Double-only allowance 1e-12 of E[v_t] (v − m² cancels, so its rounding scales with E[v]); exact rationals decide.";
            Kind = StatementKind.Identity;
            MarginUnit = "relative to E[v_t] (v − m² cancels)";
            Domain = MovingAverageInput.Domain;
        }

        public override Relation<T> Evaluate<T>(MovingAverageInput input)
        {
            var (beta, law) = input.Read<T>();
            var variance = law.Variance()[0];
            var lhs = input.Expectation(beta, law, (m, v) => v - m * m);
            var rhs = (1 - MovingAverageFormulas.SumOfSquaredWeights(beta, input.T)) * variance;
            var scale = input.Expectation(beta, law, (_, v) => v);
            return Relation.Equal(lhs, rhs, T.Sign(scale) > 0 ? scale : T.Of(1), 1e-12);
        }

        public override string Explain(MovingAverageInput input) => "E[v_t − m_t²] differs from (1 − ρ)σ².";
    }
}
