using Verification.Claims.Generators;
using Verification.Claims.Model;
using Verification.Math.Exact;

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
        [Trend("upper-model", upper: true), Trend("lower-model", upper: false)]);

    private static double[] Factors(EigenspaceInput e) => [.. Enumerable.Range(0, Terms).Select(k => System.Math.Pow(10, -k))];

    private static string? Hypotheses(EigenspaceInput e)
    {
        if (EigenspaceSides.Representable(e) is { } r) return r;
        double x = EigenspaceSides.Step(e);
        if (!(x > 0)) return "x* = 0 (|g| = 0, λ ≥ 0): ΔΔ' = (Δθᵀv − x*)/x* is undefined";
        if (Factors(e).Any(t => ElmoScalars.Upper(e.Lambda, e.GradMagnitude, e.Lipschitz, x * t) > 0))
            return "some step of the sequence has M > 0";
        return null;
    }

    private static RatioTrend<EigenspaceInput> Trend(string name, bool upper) => new()
    {
        Name = name,
        Description = upper
            ? "For λ ∈ ℝ, |g| ≥ 0, L > 0 with x* > 0, along x_k = x*·10^(−k) (k = 0..12, all with M(x_k) ≤ 0): |M(x_k)|/((1 + ΔΔ'_k²)·|M(x*)|) must neither drift by 10⁶ nor vanish."
            : "As for M, with |m(x_k)|/((1 + |ΔΔ'_k|^p)·|m(x*)|), p = 1 (p = 2 needs λ > 0 and |g| = 0, where x* = 0 is excluded).",
        Tolerance = "Drift threshold 10⁶ over 12 decades of the step; exact ratios at the first and last terms certify a drift.",
        Generator = EigenspaceInput.Generator,
        Edges = EigenspaceInput.EdgeCases,
        Move = (e, r) => e.Perturb(r),
        Hypotheses = Hypotheses,
        Sequence = Factors,
        SequenceName = "x_k/x*",
        Ratio = (e, t) =>
        {
            double x = EigenspaceSides.Step(e);
            double delta = t - 1;
            double at = upper ? ElmoScalars.Upper(e.Lambda, e.GradMagnitude, e.Lipschitz, x * t) : ElmoScalars.Lower(e.Lambda, e.GradMagnitude, e.Lipschitz, x * t);
            double star = upper ? EigenspaceSides.UpperAtStep(e) : EigenspaceSides.LowerAtStep(e);
            return System.Math.Abs(at) / ((1 + (upper ? delta * delta : System.Math.Abs(delta))) * System.Math.Abs(star));
        },
        ExactRatio = (e, t, bits) =>
        {
            var x = EigenspaceSides.ExactStep(e, bits);
            var ti = RationalInterval.Exact(t);
            var delta = ti - RationalInterval.Exact(1.0);
            var at = upper ? ElmoScalars.ExactUpper(e.Lambda, e.GradMagnitude, e.Lipschitz, x * ti) : ElmoScalars.ExactLower(e.Lambda, e.GradMagnitude, e.Lipschitz, x * ti);
            var star = upper ? EigenspaceSides.ExactUpper(e, x) : EigenspaceSides.ExactLower(e, x);
            var weight = RationalInterval.Exact(1.0) + (upper ? delta * delta : delta.Abs());
            return at.Abs() / (weight * star.Abs());
        },
        Show = e => e.Describe(),
        Why = _ => "Every step x ∈ (0, x*] satisfies the hypothesis M(x) ≤ 0, and as x → 0 (ΔΔ' → −1) |M(x)|, |m(x)| ≈ |g|·x → 0 while (1 + ΔΔ'²)|M(x*)| stays ≈ 2|M(x*)|: no positive lower constant exists (the zero step, x = 0, gives ratio exactly 0).",
    };
}
