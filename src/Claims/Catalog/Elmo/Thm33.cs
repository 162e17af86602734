using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Claims.Catalog.Elmo.Shared;
using Verification.Engine;
using Verification.Numerics;
using Verification.Numerics.Elmo;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>
/// elmo-amos Thm 3.3 (eq. 9; restated as eq. 20 in M.5): for any step with M(Δθᵀv_i) ≤ 0,
/// |M(Δθᵀv_i)| = Θ(1 + |ΔΔ'|²)·|M(x*)| and |m(Δθᵀv_i)| = Θ(1 + |ΔΔ'|^p)·|m(x*)|.
/// </summary>
internal static class Thm33
{
    private const int Terms = 13;

    internal static Claim Claim() => new(
        "elmo/thm-3.3",
        ElmoSources.Of("Theorem 3.3", "(9), (20)", "3.4, proof M.5"),
        "If M_t^i(Δθ_tᵀv_i) ≤ 0 then |M_t^i(Δθ_tᵀv_i)| = Θ(1 + |ΔΔ'|²)·|M_t^i(Δθ*ᵀv_i)| and |m_t^i(Δθ_tᵀv_i)| = Θ(1 + |ΔΔ'|^p)·|m_t^i(Δθ*ᵀv_i)|.",
        "Θ over the steps the hypothesis admits, for a fixed eigenspace (λ, |g|, L): the ratio |M(x)|/((1 + ΔΔ'²)|M(x*)|) must stay bounded away from 0 and ∞ for x with M(x) ≤ 0. "
        + "Those x fill [0, x_root] ∋ x*, so ΔΔ' = x/x* − 1 ranges over a bounded interval and the Θ reduces to two-sided constants; the sequence x_k = x*·10^(−k) → 0 (ΔΔ' → −1) tests the lower one. "
        + "Eigenspaces with x* = 0 (|g| = 0, λ ≥ 0) are excluded: ΔΔ' divides by x*.",
        [new Trend(upper: true), new Trend(upper: false)]);

    /// <summary>The ratio |M(x_k)|/((1 + ΔΔ'_k²)|M(x*)|) (or its m version with p = 1) along x_k = x*·10^(−k).</summary>
    private sealed class Trend : TrendStatement<EigenspaceInput>
    {
        private readonly bool _upper;

        [SetsRequiredMembers]
        public Trend(bool upper)
        {
            _upper = upper;
            Name = upper ? "upper-model" : "lower-model";
            Description = upper
                ? "For λ ∈ ℝ, |g| ≥ 0, L > 0 with x* > 0, along x_k = x*·10^(−k) (k = 0..12, each with M(x_k) ≤ 0): |M(x_k)|/((1 + ΔΔ'_k²)·|M(x*)|) must neither drift by 10⁶ nor vanish."
                : "As for M, with |m(x_k)|/((1 + |ΔΔ'_k|^p)·|m(x*)|), p = 1 (p = 2 needs λ > 0 and |g| = 0, where x* = 0 is excluded).";
            Tolerance = "Θ decided along the sequence: refuted when the ratio drifts by 10⁶ between the first and last term (12 decades of the step) or is 0 at every term; holds when the last three ratios agree within 1e-3.";
            MarginUnit = "relative to r(t_0) + 10⁶·r(t_K) (the drift test's terms)";
            Domain = EigenspaceInput.Domain;
        }

        protected override IReadOnlyList<double> Sequence(EigenspaceInput input) => Sequences.Decades(1, 1, Terms, up: false);

        protected override T Ratio<T>(EigenspaceInput input, T t)
        {
            var (lambda, a, l) = input.Read<T>();
            var x = ElmoEigenspaceFormulas.Step(lambda, a, l);
            Assume.Positive(x, "x* = 0 (|g| = 0, λ ≥ 0): ΔΔ' = (Δθᵀv − x*)/x* is undefined");
            var step = x * t;
            Assume.That(ElmoFormulas.Upper(-a, lambda, l, step) <= 0, "the hypothesis M(Δθᵀv_i) ≤ 0 fails at a step of the sequence");
            var delta = t - 1;
            return _upper
                ? T.Abs(ElmoFormulas.Upper(-a, lambda, l, step)) / ((1 + delta * delta) * T.Abs(ElmoFormulas.Upper(-a, lambda, l, x)))
                : T.Abs(ElmoFormulas.Lower(-a, lambda, l, step)) / ((1 + T.Abs(delta)) * T.Abs(ElmoFormulas.Lower(-a, lambda, l, x)));
        }

        public override string Explain(EigenspaceInput input) =>
            "Every step x ∈ (0, x*] satisfies the hypothesis M(x) ≤ 0, and as x → 0 (ΔΔ' → −1) |M(x)|, |m(x)| ≈ |g|·x → 0 while (1 + ΔΔ'²)|M(x*)| stays ≈ 2|M(x*)|: no positive lower constant exists (the zero step, x = 0, gives ratio exactly 0). Along x_k/x* = "
            + string.Join(", ", Sequence(input).Select(t => t.ToString("G3", CultureInfo.InvariantCulture))) + ".";
    }
}
