using System.Diagnostics.CodeAnalysis;
using Verification.Claims.Catalog.Elmo.Inputs;
using Verification.Claims.Catalog.Elmo.Shared;
using Verification.Engine;
using Verification.Numerics;
using Verification.Numerics.Elmo;
using Verification.Optimizers.SecondOrder;

namespace Verification.Claims.Catalog.Elmo;

/// <summary>elmo-amos Thm H.3 (App. H.2): for λ &gt; 0, M(x*) − M(lim_{L→0⁺} x*) = Θ(L) as L → 0⁺.</summary>
internal static class ThmH3
{
    internal static IEnumerable<Claim> Claims()
    {
        yield return new Claim("elmo/thm-H.3", ElmoSources.Of("Theorem H.3", null, "H.3"),
            "If λ_i(θ_t) > 0 then M_t^i(Δθ*ᵀv_i) − M_t^i(lim_{L→0⁺} Δθ*ᵀv_i) = Θ(L_t^i) when L_t^i → 0⁺.",
            "As written: both terms use the same M_t^i (with the current L), evaluated at x*(L) and at Newton's step x_N = |g|/λ; any |g| ≥ 0.",
            [new Trend("same-model-nonzero-gradient", sameModel: true, nonzeroGradient: true), new Trend("same-model", sameModel: true, nonzeroGradient: false)]);
        yield return new Claim("elmo/thm-H.3/newton-model", ElmoSources.Of("Theorem H.3", null, "H.3"),
            "If λ_i > 0 and ∇fᵀv_i ≠ 0 then M_t^i(Δθ*ᵀv_i) − M_0(x_N) = Θ(L_t^i) when L_t^i → 0⁺, M_0 the quadratic model (L = 0).",
            "The second term read as the limit of the whole expression M_L(x*(L)) as L → 0⁺, i.e. Newton's quadratic model at its minimizer, −|g|²/(2λ): the reading under which a Θ(L) gap appears; |g| > 0 because with |g| = 0 both terms are 0.",
            [new Trend("newton-model", sameModel: false, nonzeroGradient: true)]);
    }

    /// <summary>|M_L(x*) − M_L(x_N)|/L (or with M_0(x_N)) along L_k = (λ²/|g|)·10^(−2k), k = 0..8.</summary>
    private sealed class Trend : TrendStatement<EigenspaceAlongL>
    {
        private readonly bool _sameModel;
        private readonly bool _nonzeroGradient;

        [SetsRequiredMembers]
        public Trend(string name, bool sameModel, bool nonzeroGradient)
        {
            _sameModel = sameModel;
            _nonzeroGradient = nonzeroGradient;
            Name = name;
            Description = (sameModel
                ? "Along L_k = (λ²/|g|)·10^(−2k), k = 0..8 (|λ| when |g| = 0), |M_L(x*) − M_L(|g|/λ)|/L_k must neither vanish nor drift by 10⁶."
                : "Along L_k = (λ²/|g|)·10^(−2k), k = 0..8, |M_L(x*) − (−|g|²/(2λ))|/L_k must neither vanish nor drift by 10⁶.")
                + (nonzeroGradient ? " λ > 0, |g| > 0." : " λ > 0, |g| ≥ 0.");
            Tolerance = "Θ decided along the sequence: refuted when the ratio drifts by 10⁶ between the first and last term or is 0 at every term; holds when the last three ratios agree within 1e-3. The gap is formed without cancellation (factored through x* − x_N = −2L|g|²/(λ(S + λ)²)).";
            MarginUnit = "relative to r(L_0) + 10⁶·r(L_8) (the drift test's terms)";
            Domain = EigenspaceAlongL.Domain(1e-3, 1e3, nonzeroLambda: false, () => EigenspaceAlongL.Corners(1e-3, 1e3));
        }

        protected override IReadOnlyList<double> Sequence(EigenspaceAlongL input) => Sequences.Decades(input.CrossoverL(), 2, 9, up: false);

        protected override T Ratio<T>(EigenspaceAlongL input, T lipschitz)
        {
            var (lambda, a) = input.Read<T>();
            Assume.Positive(lambda, "λ ≤ 0 is outside the theorem");
            if (_nonzeroGradient)
                Assume.Positive(a, _sameModel ? "this formalization takes λ > 0 with |g| > 0" : "this reading needs λ > 0 and |g| > 0");
            var gap = ElmoEigenspaceFormulas.UpperGapToNewton(lambda, a, lipschitz);
            if (_sameModel)
                return gap / lipschitz;
            // M_L(x_N) − M_0(x_N) = (L/6)·x_N³, so M_L(x*) − M_0(x_N) = gap + (L/6)·x_N³.
            var newton = a / lambda;
            return (gap + lipschitz * newton * newton * newton / 6) / lipschitz;
        }

        public override string Explain(EigenspaceAlongL input) => input.GradMagnitude == 0
            ? "With ∇fᵀv_i = 0, x* = x_N = 0 and the difference is 0 for every L."
            : "x*(L) minimizes M_L, so M_L(x*) − M_L(x_N) = −(L²/8)·x_N⁴/λ + o(L²): the gap is Θ(L²), and the ratio to L tends to 0.";
    }
}
